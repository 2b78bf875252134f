using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Data;
using NestPortal.Domain.Common;
using NestPortal.Domain.Households;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Programme;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Lookups;

namespace NestPortal.Web.Tests.Infrastructure;

/// <summary>
/// Puts households, matches and allocations into the database through the aggregates' own commands,
/// as the competence centre's pages would, and reads them back.
/// </summary>
public static class TestHouseholds
{
    public static readonly Actor Clerk = new("kfi-test", "Karl Kompetenz (KfI)");

    /// <summary>A valid IBAN (check digits hold) for escrow accounts in tests.</summary>
    public const string ValidIban = "DE89370400440532013000";

    private static DateOnly Today => TestGroups.Today;

    /// <summary>
    /// Records a household with <paramref name="persons"/> persons (Syrian, first refuge Lebanon, admitted
    /// a year ago). With <paramref name="arrivedOn"/> every person has arrived that day.
    /// </summary>
    public static async Task<int> CreateHouseholdAsync(this PortalFactory factory, string? reference = null, int persons = 2,
        string familyName = "Haddad", DateOnly? arrivedOn = null, DateOnly? expectedArrival = null, string? specialNeedsNote = null)
    {
        var household = Household.Record(reference ?? "NesT-" + Guid.NewGuid().ToString("N")[..8], expectedArrival, specialNeedsNote, Today, TestClock.UtcNow);
        var admitted = (arrivedOn ?? Today).AddMonths(-6);
        for (var i = 0; i < persons; i++)
        {
            household.AddPerson(new RefugeeDetails($"Person{i + 1}", familyName, Today.AddYears(-40 + i * 12), i % 2 == 0 ? Sex.Female : Sex.Male,
                "SY", "LB", admitted, $"BAMF-{Guid.NewGuid().ToString("N")[..6]}", admitted.AddDays(30), arrivedOn), Today);
        }

        await factory.ExecuteAsync(db => db.Households.Add(household));
        return household.Id;
    }

    /// <summary>A group submitted today, security-checked and approved: ready to be matched.</summary>
    public static async Task<int> CreateApprovedGroupAsync(this PortalFactory factory, string ownerId, string name,
        string ags = "05911000", IReadOnlyList<string>? memberEmails = null)
    {
        var id = await factory.CreateGroupAsync(ownerId, name, ags, submittedOn: Today, memberEmails: memberEmails);
        await factory.ChangeGroupAsync(id, (group, _, now) =>
        {
            group.RecordSecurityCheck(Today, SecurityCheckResult.Passed, Today, Clerk, now);
            group.Approve(Clerk, now);
        });
        return id;
    }

    /// <summary>Records BAMF's match of the group and household with a flat in <paramref name="ags"/>.</summary>
    public static async Task<int> MatchAsync(this PortalFactory factory, int groupId, int householdId, string ags = "05911000",
        decimal rent = 650.00m, DateOnly? leaseStart = null, bool ownedByGroup = false)
    {
        var id = 0;
        await factory.ExecuteAsync(async db =>
        {
            var group = await db.MentoringGroups.SingleAsync(g => g.Id == groupId);
            var household = await db.Households.Include(h => h.Persons).SingleAsync(h => h.Id == householdId);
            var ruleSet = await db.RuleSets.SingleAsync(r => r.Id == group.RuleSetId);
            var flat = Apartment.Create("Hauptstraße 1", "44787", "Bochum", Ags.Parse(ags), 68.5m, 3, rent,
                leaseStart ?? Months.FirstOf(Today), ownedByGroup, Today);
            var escrow = EscrowAccount.Create("Mentorengruppe Treuhand", ValidIban, "Sparkasse Bochum");
            var running = await db.RunningSponsorshipsOfGroupOnAsync(groupId, Today);
            var sponsorship = Sponsorship.Match(group, household, ruleSet, null, flat, escrow, running, await db.ProgrammeEndAsync(),
                Today, Clerk, TestClock.UtcNow);
            db.Sponsorships.Add(sponsorship);
            await db.SaveChangesAsync();
            id = sponsorship.Id;
        });
        return id;
    }

    /// <summary>Issues a Zuweisungsentscheidung to <paramref name="ags"/> (superseding any earlier one).</summary>
    public static Task AllocateAsync(this PortalFactory factory, int householdId, string ags = "05911000", string? fileReference = null) =>
        factory.ExecuteAsync(async db =>
        {
            var household = await db.Households.Include(h => h.Persons).Include(h => h.Allocations).SingleAsync(h => h.Id == householdId);
            household.Allocate(new AllocationDecision(Ags.Parse(ags), Today, fileReference ?? "Az. 36.1-" + householdId,
                AllocationDecision.DefaultLegalBasis, Today), supersedeCurrent: true, Today, Clerk, TestClock.UtcNow);
            await db.SaveChangesAsync();
        });

    /// <summary>The household as saved, with persons and allocations.</summary>
    public static Task<Household> LoadHouseholdAsync(this PortalFactory factory, int id) =>
        factory.QueryAsync(db => db.Households.AsNoTracking().Include(h => h.Persons).Include(h => h.Allocations)
            .AsSplitQuery().SingleAsync(h => h.Id == id));
}
