using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Common;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Departures;

/// <summary>Staff see understaffed groups on the review page and in the review list's "mit Warnung" filter.</summary>
public sealed class StaffingWarningTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string WarningList = "/Review?status=warning";
    private static DateOnly Today => DepartureGroups.Today;

    private static List<string> Names(AngleSharp.Html.Dom.IHtmlDocument page) => page.TableRows().Select(r => r[0]).ToList();

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
    public async Task A_group_short_of_members_is_warned_on_its_review_page_and_listed_until_a_replacement_joins()
    {
        var (id, members) = await factory.ApprovedGroupAsync("Warnung Wenige Mitglieder");
        await factory.LeaveAsync(id, members[3].Id);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var review = await client.GetPageAsync($"/Review/Details/{id}");
        review.QuerySelector("[data-warning=staffing]")!.TextContent.ShouldContain("Die Gruppe hat nur noch 3 aktive Mitglieder");
        review.MainText().ShouldContain($"{members[3].DisplayName} – ausgeschieden am {Today.German()}: Umzug");
        var list = await client.GetPageAsync(WarningList + "&search=Warnung%20Wenige");
        list.TableRows().Single().Select(c => System.Text.RegularExpressions.Regex.Replace(c, @"\s+", " ")).ShouldBe(["Warnung Wenige Mitglieder", "Bochum, Stadt", "Reg.-Bez. Arnsberg", Today.German(), "3", "ohne Bedenken", "Freigegeben Warnung: unterbesetzt"],
            "active members only");

        await factory.AddReplacementAsync(id);

        Names(await client.GetPageAsync(WarningList + "&search=Warnung%20Wenige")).ShouldBeEmpty();
        (await client.GetPageAsync($"/Review/Details/{id}")).QuerySelector("[data-warning]").ShouldBeNull();
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
            .ShouldContain("Es gibt nur noch 1 Hauptansprechpersonen; 2 sind nötig.");

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
}
