using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.Pages.Groups.Members;
using NestPortal.Domain.Common;

namespace NestPortal.Web.Tests.Pages.Review;

public sealed class IndexTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Url = "/Review";
    private static DateOnly Today => TestGroups.Today;

    private async Task<HttpClient> StaffAsync() => await factory.SignedInAsAsync(Roles.CompetenceCentre);

    private static List<string> Names(AngleSharp.Html.Dom.IHtmlDocument page) => page.TableRows().Select(r => r[0]).ToList();

    private static string Pager(AngleSharp.Html.Dom.IHtmlDocument page) =>
        Regex.Replace(page.QuerySelector("main nav p")!.TextContent, @"\s+", " ").Trim();

    [Fact]
    public async Task Default_queue_shows_submitted_groups_oldest_first()
    {
        var owner = await factory.DemoMentorIdAsync();
        await factory.CreateGroupAsync(owner, "Queue Jüngst", submittedOn: Today.AddDays(-100));
        await factory.CreateGroupAsync(owner, "Queue Ältest", ags: "05711000", members: 5, submittedOn: Today.AddDays(-300));
        await factory.CreateGroupAsync(owner, "Queue Mittel", submittedOn: Today.AddDays(-200));
        await factory.CreateGroupAsync(owner, "Queue Entwurf");
        var client = await StaffAsync();

        var page = await client.GetPageAsync(Url);

        var rows = page.TableRows();
        rows.Take(3).Select(r => r[0]).ShouldBe(["Queue Ältest", "Queue Mittel", "Queue Jüngst"]);
        rows[0].ShouldBe(["Queue Ältest", "Bielefeld, Stadt", "Reg.-Bez. Detmold", Today.AddDays(-300).German(), "5", "noch nicht erfasst", "Eingereicht"]);
        rows.ShouldAllBe(r => r[6] == "Eingereicht");
        var names = Names(page);
        names.ShouldNotContain("Queue Entwurf");
        names.ShouldNotContain("Kirchengemeinde St. Lamberti Münster");
        names.ShouldNotContain("Initiative Köln-Ehrenfeld");
        var submitted = await factory.QueryAsync(db => db.MentoringGroups.CountAsync(g => g.Status == GroupStatus.Submitted));
        Pager(page).ShouldEndWith($"({submitted} Einträge)");
        page.QuerySelector("main a[href='/Review/Details/" + await factory.GroupIdAsync("Queue Ältest") + "']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Search_by_group_name()
    {
        await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), "Lindenblatt Helferkreis", submittedOn: Today);
        var client = await StaffAsync();

        var page = await client.GetPageAsync($"{Url}?search=Lindenblatt");

        Names(page).ShouldBe(["Lindenblatt Helferkreis"]);
        (page.QuerySelector("#search") as AngleSharp.Html.Dom.IHtmlInputElement)!.Value.ShouldBe("Lindenblatt");
    }

    [Fact]
    public async Task Search_by_municipality_name()
    {
        await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), "Suche Kommune Wittgenstein", ags: "05970004", submittedOn: Today);
        var client = await StaffAsync();

        var page = await client.GetPageAsync($"{Url}?search=Berleburg");

        Names(page).ShouldContain("Suche Kommune Wittgenstein");
        page.TableRows().ShouldAllBe(r => r[1] == "Bad Berleburg, Stadt");
    }

    [Fact]
    public async Task Search_by_postcode()
    {
        await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), "Suche PLZ Sauerland", ags: "05958048", submittedOn: Today);
        var client = await StaffAsync();

        var page = await client.GetPageAsync($"{Url}?search=59955");

        Names(page).ShouldBe(["Suche PLZ Sauerland"]);
        page.TableRows()[0][1].ShouldBe("Winterberg, Stadt");
    }

    [Fact]
    public async Task Search_ignores_upper_and_lower_case()
    {
        await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), "Suche Klein Brilon Team", ags: "05958012", submittedOn: Today);
        var client = await StaffAsync();

        Names(await client.GetPageAsync($"{Url}?search=brilon%20team")).ShouldContain("Suche Klein Brilon Team", "search by group name in lower case");
        Names(await client.GetPageAsync($"{Url}?search=brilon")).ShouldContain("Suche Klein Brilon Team", "search by municipality name in lower case");
    }

    [Fact]
    public async Task Search_without_hits_says_so()
    {
        var client = await StaffAsync();
        var page = await client.GetPageAsync($"{Url}?search=Gibtsnichtgruppe");
        page.MainText().ShouldContain("Keine Gruppen gefunden.");
        page.QuerySelector("main table").ShouldBeNull();
    }

    [Theory]
    [InlineData("Approved", "Kirchengemeinde St. Lamberti Münster", "Freigegeben")]
    [InlineData("Returned", "Initiative Köln-Ehrenfeld", "Zur Überarbeitung zurückgegeben")]
    [InlineData("Submitted", "Patenkreis Bielefeld-Mitte", "Eingereicht")]
    [InlineData("Draft", "Willkommensteam Hörde", "Entwurf")]
    public async Task Filter_by_status(string status, string expectedGroup, string statusText)
    {
        var client = await StaffAsync();

        var page = await client.GetPageAsync($"{Url}?status={status}");
        var narrowed = await client.GetPageAsync($"{Url}?status={status}&search={Uri.EscapeDataString(expectedGroup)}");

        Names(narrowed).ShouldBe([expectedGroup]);
        (await client.GetPageAsync($"{Url}?status={(status == "Draft" ? "Approved" : "Draft")}&search={Uri.EscapeDataString(expectedGroup)}"))
            .MainText().ShouldContain("Keine Gruppen gefunden.");
        page.TableRows().ShouldAllBe(r => r[6] == statusText);
        page.QuerySelector("#status option[selected]")!.GetAttribute("value").ShouldBe(status);
    }

    [Fact]
    public async Task All_statuses_include_drafts()
    {
        var client = await StaffAsync();
        var page = await client.GetPageAsync($"{Url}?status=&search=Willkommensteam");
        Names(page).ShouldBe(["Willkommensteam Hörde"]);
        page.TableRows()[0][6].ShouldBe("Entwurf");
    }

    [Fact]
    public async Task Filter_by_administrative_region()
    {
        await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), "Region Coesfeld Paten", ags: "05558012", submittedOn: Today);
        var client = await StaffAsync();

        var all = await client.GetPageAsync($"{Url}?status=&region={Uri.EscapeDataString("Reg.-Bez. Münster")}");

        Names(all).ShouldContain("Kirchengemeinde St. Lamberti Münster");
        Names(all).ShouldContain("Region Coesfeld Paten");
        Names(all).ShouldNotContain("Patenkreis Bielefeld-Mitte");
        all.TableRows().ShouldAllBe(r => r[2] == "Reg.-Bez. Münster");
        all.QuerySelectorAll("#region option").Select(o => o.GetAttribute("value")).Where(v => v != "").Order()
            .ShouldBe(["Reg.-Bez. Arnsberg", "Reg.-Bez. Detmold", "Reg.-Bez. Düsseldorf", "Reg.-Bez. Köln", "Reg.-Bez. Münster"]);

        var submittedInDetmold = await client.GetPageAsync($"{Url}?region={Uri.EscapeDataString("Reg.-Bez. Detmold")}");
        Names(submittedInDetmold).ShouldContain("Patenkreis Bielefeld-Mitte");
        submittedInDetmold.TableRows().ShouldAllBe(r => r[2] == "Reg.-Bez. Detmold" && r[6] == "Eingereicht");
    }

    [Fact]
    public async Task Long_result_is_paged_by_20()
    {
        var owner = await factory.DemoMentorIdAsync();
        for (var i = 1; i <= 25; i++)
            await factory.CreateGroupAsync(owner, $"Seitentest {i:00}", submittedOn: Today.AddDays(-i));
        var client = await StaffAsync();

        var first = await client.GetPageAsync($"{Url}?search=Seitentest");
        Names(first).Count.ShouldBe(20);
        Pager(first).ShouldBe("Seite 1 von 2 (25 Einträge)");
        Names(first)[0].ShouldBe("Seitentest 25");

        var next = first.QuerySelectorAll("main nav a.np-pager__link").Single(a => a.TextContent.Trim() == "Weiter").GetAttribute("href")!;
        var second = await client.GetPageAsync(next);
        Pager(second).ShouldBe("Seite 2 von 2 (25 Einträge)");
        Names(second).ShouldBe(["Seitentest 05", "Seitentest 04", "Seitentest 03", "Seitentest 02", "Seitentest 01"]);
        Names(first).Concat(Names(second)).Distinct().Count().ShouldBe(25);

        var direct = await client.GetPageAsync($"{Url}?search=Seitentest&pageNumber=2");
        Names(direct).ShouldBe(Names(second));
    }

    private const string WarningList = "/Review?status=warning";

    /// <summary>Five members, so a main contact leaving leaves enough members but too few main contacts.</summary>
    private async Task<int> ApprovedWithFiveAsync(string name)
    {
        var id = await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), name, members: 5, submittedOn: Today);
        await factory.ChangeGroupAsync(id, (group, _, now) =>
        {
            group.RecordSecurityCheck(Today, SecurityCheckResult.Passed, Today, TestHouseholds.Clerk, now);
            group.Approve(TestHouseholds.Clerk, now);
        });
        return id;
    }

    [Fact]
    public async Task The_filter_lists_exactly_the_approved_groups_short_of_members_or_main_contacts()
    {
        var (fewMembers, fewMembersPeople) = await factory.ApprovedGroupAsync("Filter Zu Wenige");
        await factory.LeaveAsync(fewMembers, fewMembersPeople[3].Id);
        var fewContacts = await ApprovedWithFiveAsync("Filter Ohne Hauptkontakt");
        await factory.LeaveAsync(fewContacts, (await factory.LoadGroupAsync(fewContacts)).Members.First(m => m.IsMainContact).Id);
        var enough = await ApprovedWithFiveAsync("Filter Vollständig");
        await factory.LeaveAsync(enough, (await factory.LoadGroupAsync(enough)).Members.OrderBy(m => m.Id).Last().Id);
        await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), "Filter Entwurf", members: 2);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync(WarningList + "&search=Filter");

        Names(page).Order().ShouldBe(["Filter Ohne Hauptkontakt", "Filter Zu Wenige"]);
        (page.QuerySelector("#status option[selected]") as AngleSharp.Html.Dom.IHtmlOptionElement)!.Value.ShouldBe("warning");
        (await client.GetPageAsync($"/Review/Details/{fewContacts}")).QuerySelector("[data-warning=staffing]")!.TextContent
            .ShouldContain("Es gibt nur noch 1 Hauptansprechperson; die Gruppe braucht 2.");

        // Every group the filter shows has a warning by the domain's own rule, and no approved group with one is left out.
        var all = await client.GetPageAsync(WarningList);
        var expected = await factory.QueryAsync(async db =>
        {
            var rules = await db.RuleSets.AsNoTracking().ToDictionaryAsync(r => r.Id);
            var approved = await db.MentoringGroups.AsNoTracking().Include(g => g.Members).Where(g => g.Status == GroupStatus.Approved).ToListAsync();
            return approved.Where(g => g.StaffingWarnings(rules[g.RuleSetId!.Value]).Count > 0).Select(g => g.Name).ToList();
        });
        expected.Count.ShouldBeLessThanOrEqualTo(20, "one page of the list");
        Names(all).Order().ShouldBe(expected.Order());
    }

    [Fact]
    public async Task Staff_see_the_queue()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var page = await client.GetPageAsync("/Review?status=&region=Reg.-Bez.%20Detmold");
        page.QuerySelector("main table")!.TextContent.ShouldContain("Bielefeld");
    }
}
