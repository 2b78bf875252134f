using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Common;
using NestPortal.Domain.Municipalities;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.MyMunicipality;

/// <summary>Households as the municipality tests need them: matched, allocated, arriving or not, rent ending or not.</summary>
public static class MunicipalityHouseholds
{
    /// <summary>The demo municipality user's municipality.</summary>
    public const string Dortmund = "05913000";

    public const string Bochum = "05911000";

    public const string SpecialNeeds = "Vertraulich: Rollstuhl, Erdgeschoss nötig";

    /// <summary>
    /// A household matched with its own approved group (named "Gruppe {familyName}") and allocated to
    /// <paramref name="ags"/>. A lease start eleven months back makes the twelve rent months end this month.
    /// </summary>
    public static async Task<int> AllocatedHouseholdAsync(this PortalFactory factory, string ags, string familyName, int persons = 2,
        DateOnly? expectedArrival = null, DateOnly? arrivedOn = null, DateOnly? leaseStart = null, string? reference = null)
    {
        var household = await factory.CreateHouseholdAsync(reference: reference, persons: persons, familyName: familyName, arrivedOn: arrivedOn,
            expectedArrival: expectedArrival, specialNeedsNote: SpecialNeeds);
        var group = await factory.CreateApprovedGroupAsync(await factory.DemoMentorIdAsync(), $"Gruppe {familyName} {Guid.NewGuid():N}"[..40]);
        await factory.MatchAsync(group, household, ags, leaseStart: leaseStart);
        await factory.AllocateAsync(household, ags);
        return household;
    }

    public static Task<string> GroupNameOfAsync(this PortalFactory factory, int householdId) =>
        factory.QueryAsync(db => db.Sponsorships.Where(s => s.HouseholdId == householdId)
            .Join(db.MentoringGroups, s => s.GroupId, g => g.Id, (s, g) => g.Name).SingleAsync());

    public static Task<string> DemoMunicipalityUserIdAsync(this PortalFactory factory)
    {
        var email = DemoUsers.All.Single(d => d.Role == Roles.Municipality).Email;
        return factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
    }

    /// <summary>The municipality confirms receipt of the household's current allocation directly (as a colleague would).</summary>
    public static Task AcknowledgeAsync(this PortalFactory factory, int householdId, string ags, string who = "Kollegin Kommune") =>
        factory.ExecuteAsync(async db =>
        {
            var household = await db.Households.Include(h => h.Persons).Include(h => h.Allocations).SingleAsync(h => h.Id == householdId);
            household.AcknowledgeAllocation(household.CurrentAllocation!.Id, Ags.Parse(ags), new Actor("kommune-test", who), TestClock.UtcNow);
            await db.SaveChangesAsync();
        });

    public static DateOnly RentEndingThisMonth => Months.FirstOf(TestGroups.Today).AddMonths(-11);
}
