using NestPortal.Data;
using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Data.Operations;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.RentRuns;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.RentRuns;

/// <summary>Sponsorships with funded rent accounts for the rent-run tests, and the run itself with an explicit day.</summary>
public static class RentAccounts
{
    public const decimal Rent = 650.00m;

    /// <summary>
    /// A household (arrived on <paramref name="arrivedOn"/>) matched with a new group's flat from
    /// <paramref name="leaseStart"/>, its account holding <paramref name="deposit"/>; with
    /// <paramref name="pilot"/> switched to the pilot rules (24 rent months).
    /// </summary>
    public static async Task<(int Sponsorship, int Household)> FundedAsync(this PortalFactory factory, string name, DateOnly leaseStart,
        decimal deposit, bool pilot = false, DateOnly? arrivedOn = null, string? allocatedTo = null)
    {
        var household = await factory.CreateHouseholdAsync(familyName: "Mansour", arrivedOn: arrivedOn ?? leaseStart.AddDays(4));
        var group = await factory.CreateApprovedGroupAsync(await factory.DemoMentorIdAsync(), name);
        var id = await factory.MatchAsync(group, household, rent: Rent, leaseStart: leaseStart);
        if (allocatedTo is not null) await factory.AllocateAsync(household, allocatedTo);
        await factory.ExecuteAsync(async db =>
        {
            var sponsorship = await db.Sponsorships.SingleAsync(s => s.Id == id);
            if (pilot)
            {
                var rules = await db.RuleSets.Where(r => r.ValidUntil != null).OrderBy(r => r.ValidFrom).FirstAsync();
                sponsorship.SwitchRuleSet(rules, "Zusage vor dem 1. Juli 2022");
            }

            if (deposit > 0)
                sponsorship.RecordDeposit(deposit, leaseStart.AddDays(-10), "Einzahlung der Gruppe", TestGroups.Today, TestHouseholds.Clerk, TestClock.UtcNow);
            await db.SaveChangesAsync();
        });
        return (id, household);
    }

    public static async Task<RentRun> RunRentAsync(this PortalFactory factory, DateOnly paidThrough, string startedBy = "Test", int? batchSize = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var runner = batchSize is { } size
            ? new RentRunner(services.GetRequiredService<NestPortalDbContext>(), services.GetRequiredService<RentEndNotices>(), TestClock.Instance,
                services.GetRequiredService<ILogger<RentRunner>>()) { BatchSize = size }
            : services.GetRequiredService<RentRunner>();
        return await runner.RunAsync(paidThrough, startedBy);
    }

    public static Task<List<EscrowEntry>> EntriesAsync(this PortalFactory factory, int sponsorshipId) =>
        factory.QueryAsync(db => db.EscrowEntries.AsNoTracking().Where(e => e.SponsorshipId == sponsorshipId).OrderBy(e => e.Id).ToListAsync());

    public static Task<Sponsorship> SponsorshipAsync(this PortalFactory factory, int id) =>
        factory.QueryAsync(db => db.Sponsorships.AsNoTracking().AsSplitQuery().SingleAsync(s => s.Id == id));

    public static IEnumerable<DateOnly> PaidMonths(this IEnumerable<EscrowEntry> entries) =>
        entries.Where(e => e.Kind == EscrowEntryKind.RentPayment).Select(e => e.RentMonth!.Value);
}
