using NestPortal.Domain.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data.Auditing;
using NestPortal.Domain.Households;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Groups;

public sealed class HouseholdTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static DateOnly Today => TestGroups.Today;
    private static string Url(int groupId) => $"/Groups/Household/{groupId}";

    /// <summary>A group of <paramref name="ownerId"/> with a matched household that arrived two months ago.</summary>
    private async Task<(int Group, int Household)> SponsoringAsync(string ownerId, string name, string familyName)
    {
        var group = await factory.CreateApprovedGroupAsync(ownerId, name);
        var household = await factory.CreateHouseholdAsync(familyName: familyName, arrivedOn: Today.AddMonths(-2),
            specialNeedsNote: "Geheimer Hinweis " + familyName);
        await factory.MatchAsync(group, household, leaseStart: new DateOnly(2019, 11, 1));
        return (group, household);
    }

    [Fact]
    public async Task Mentor_sees_their_household_its_flat_and_obligations_and_each_view_is_logged()
    {
        var (groupId, householdId) = await SponsoringAsync(await factory.DemoMentorIdAsync(), "Familie Ansicht", "Darwish");
        var household = await factory.LoadHouseholdAsync(householdId);
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var details = await client.GetPageAsync($"/Groups/Details/{groupId}");
        details.QuerySelector($"main a[href='/Groups/Household/{groupId}']").ShouldNotBeNull();
        var page = await client.GetPageAsync(Url(groupId));

        var text = page.MainText();
        foreach (var person in household.Persons) text.ShouldContain(person.DisplayName);
        text.ShouldContain(Today.AddMonths(-2).German());
        text.ShouldContain("Hauptstraße 1, 44787 Bochum");
        page.QuerySelector("[data-fact='rent-ends']")!.TextContent.ShouldBe("31.10.2020");
        page.QuerySelector("[data-fact='support-ends']")!.TextContent.Trim().ShouldBe(Months.EndOfPeriod(Today.AddMonths(-2), 12).German());
        page.QuerySelector("main")!.InnerHtml.ShouldNotReveal("Geheimer Hinweis");

        var views = await factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditAction.Viewed && a.EntityType == "Refugee").ToListAsync());
        foreach (var person in household.Persons)
        {
            var entry = views.Where(v => v.EntityId == person.Id.ToString()).ShouldHaveSingleItem();
            entry.Role.ShouldBe(Roles.Mentor);
        }
    }

    [Fact]
    public async Task Early_departure_is_visible_to_the_mentor()
    {
        var (groupId, householdId) = await SponsoringAsync(await factory.DemoMentorIdAsync(), "Familie Abschied", "Yousef");
        var left = Today.AddDays(-1);
        await factory.ExecuteAsync(async db =>
        {
            var household = await db.Households.Include(h => h.Persons).SingleAsync(h => h.Id == householdId);
            household.RecordDeparture(household.Persons.First().Id, left, DepartureReason.LeftGermany, "Weiterwanderung", Today);
            await db.SaveChangesAsync();
        });
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var text = (await client.GetPageAsync(Url(groupId))).MainText();

        text.ShouldContain($"am {left.German()}: Ausreise aus Deutschland");
        text.ShouldNotContain("Weiterwanderung", Case.Sensitive, "the free text stays with staff");
    }

    [Fact]
    public async Task Group_without_a_household_says_so()
    {
        var groupId = await factory.CreateApprovedGroupAsync(await factory.DemoMentorIdAsync(), "Familie Noch Keine");
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var page = await client.GetPageAsync(Url(groupId));

        page.MainText().ShouldContain("Ihrer Gruppe ist noch keine Familie vermittelt.");
        (await client.GetPageAsync($"/Groups/Details/{groupId}")).QuerySelector($"main a[href='/Groups/Household/{groupId}']").ShouldBeNull();
    }

    [Fact]
    public async Task Mentor_of_another_group_gets_404_and_nothing_of_the_household()
    {
        var (othersGroup, householdId) = await SponsoringAsync("someone-else", "Familie Fremd", "Zaghloul");
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var viewsBefore = await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Viewed));

        var body = await client.GetAsync(Url(othersGroup)).ShouldBeStatusAsync(HttpStatusCode.NotFound);

        body.ShouldNotReveal("Zaghloul");
        body.ShouldNotReveal("Hauptstraße");
        (await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Viewed))).ShouldBe(viewsBefore);
        (await factory.LoadHouseholdAsync(householdId)).Persons.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Unknown_group_is_404()
    {
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        await client.GetAsync(Url(999_999)).ShouldBeStatusAsync(HttpStatusCode.NotFound);
    }
}
