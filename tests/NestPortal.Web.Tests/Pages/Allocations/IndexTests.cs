using System.Net;
using Microsoft.EntityFrameworkCore;
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

    [Fact]
    public async Task The_clerk_narrows_the_unacknowledged_to_those_older_than_the_reminder_days()
    {
        var old = await MatchedAsync("NesT-ALT-1", Today.AddDays(20));
        await factory.AllocateAsync(old, fileReference: "36.1-ALT-1");
        var recent = await MatchedAsync("NesT-ALT-2", Today.AddDays(20));
        await factory.AllocateAsync(recent, fileReference: "36.1-ALT-2");
        // Issued 8 days before the suite's day: past the 7 configured.
        await factory.ExecuteAsync(db => db.Allocations.Where(a => a.HouseholdId == old)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.IssuedAtUtc, TestClock.UtcNow.AddDays(-8))));
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var all = await client.GetPageAsync("/Allocations/Index?view=unacknowledged&search=NesT-ALT");
        var overdue = await client.GetPageAsync("/Allocations/Index?view=unacknowledged&search=NesT-ALT&overdue=true");

        all.TableRows().Select(r => r[0]).ShouldBe(["NesT-ALT-1", "NesT-ALT-2"], ignoreOrder: true);
        all.QuerySelector("input[name='overdue']")!.HasAttribute("checked").ShouldBeFalse();
        overdue.TableRows().Select(r => r[0]).ShouldBe(["NesT-ALT-1"]);
        overdue.QuerySelector("input[name='overdue']")!.HasAttribute("checked").ShouldBeTrue();
        overdue.MainText().ShouldContain("Nur älter als 7 Tage");
    }

    [Fact]
    public async Task The_overdue_filter_says_so_when_nothing_is_overdue()
    {
        var recent = await MatchedAsync("NesT-NEU-1", Today.AddDays(20));
        await factory.AllocateAsync(recent);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync("/Allocations/Index?view=unacknowledged&search=NesT-NEU&overdue=true");

        page.TableRows().ShouldBeEmpty();
        page.MainText().ShouldContain("Keine unbestätigte Zuweisung ist älter als 7 Tage.");
    }
}
