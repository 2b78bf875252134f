using System.Net;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Allocations;

public sealed class IndexTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static DateOnly Today => TestGroups.Today;

    private async Task<int> MatchedAsync(string reference, DateOnly? expectedArrival, string flatAgs = "05911000")
    {
        var household = await factory.CreateHouseholdAsync(reference, expectedArrival: expectedArrival);
        var group = await factory.CreateApprovedGroupAsync(await factory.DemoMentorIdAsync(), "Gruppe " + reference);
        await factory.MatchAsync(group, household, ags: flatAgs);
        return household;
    }

    [Fact]
    public async Task Waiting_households_come_by_expected_arrival_with_unknown_arrivals_last()
    {
        await MatchedAsync("NesT-WARTE-OFFEN", null);
        var later = await MatchedAsync("NesT-WARTE-SPAET", Today.AddDays(60), flatAgs: "05913000");
        await MatchedAsync("NesT-WARTE-BALD", Today.AddDays(10));
        var allocated = await MatchedAsync("NesT-WARTE-ZUGEWIESEN", Today.AddDays(5));
        await factory.AllocateAsync(allocated);
        await factory.CreateHouseholdAsync("NesT-WARTE-UNVERMITTELT", expectedArrival: Today.AddDays(1));
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync("/Allocations/Index?search=NesT-WARTE");

        var rows = page.TableRows();
        rows.Select(r => r[0].Split(' ')[0]).ShouldBe(["NesT-WARTE-BALD", "NesT-WARTE-SPAET", "NesT-WARTE-OFFEN"]);
        rows[1][2].ShouldBe(Today.AddDays(60).German());
        rows[1][3].ShouldStartWith("Dortmund");
        rows[2][2].ShouldBe("offen");
        page.QuerySelector($"main a[href='/Allocations/Create?householdId={later}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_matched_household_whose_arrival_was_recorded_first_still_waits_for_its_allocation()
    {
        var household = await factory.CreateHouseholdAsync("NesT-FRUEH-DA", arrivedOn: Today.AddDays(-3));
        var group = await factory.CreateApprovedGroupAsync(await factory.DemoMentorIdAsync(), "Gruppe NesT-FRUEH-DA");
        await factory.MatchAsync(group, household);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync("/Allocations/Index?search=NesT-FRUEH-DA");

        page.TableRows().ShouldHaveSingleItem()[0].ShouldStartWith("NesT-FRUEH-DA");
    }

    [Fact]
    public async Task Second_tab_lists_current_decisions_not_yet_acknowledged()
    {
        var household = await MatchedAsync("NesT-OFFEN-1", Today.AddDays(20));
        await factory.AllocateAsync(household, fileReference: "36.1-OFFEN-1");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync("/Allocations/Index?view=unacknowledged&search=NesT-OFFEN");

        var row = page.TableRows().Single();
        row[0].ShouldBe("NesT-OFFEN-1");
        row[1].ShouldStartWith("Bochum");
        row[4].ShouldBe("36.1-OFFEN-1");
        page.QuerySelector("main .np-tabs__link.active")!.GetAttribute("aria-current").ShouldBe("page");
    }
}
