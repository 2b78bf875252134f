using NestPortal.Domain.Programme;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Pages.Admin.RuleSets.RuleSetForms;

namespace NestPortal.Web.Tests.Pages.Admin;

public sealed class RuleSetsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Administrator_sees_every_figure_and_usage_of_each_rule_set()
    {
        var unused = await factory.AddUnusedSuccessorAsync("LIST-NEXT");
        var client = await factory.SignedInAsAsync(Roles.Administrator);

        var page = await client.GetPageAsync("/Admin/RuleSets");

        var pilot = page.QuerySelector($"[data-rule-set='{SeededRuleSets.PilotCode}']")!;
        var pilotText = System.Text.RegularExpressions.Regex.Replace(pilot.TextContent, @"\s+", " ");
        pilotText.ShouldContain("NesT Pilotphase");
        pilotText.ShouldContain("06.05.2019");
        pilotText.ShouldContain("30.06.2022");
        pilotText.ShouldContain("eintägige Pflichtschulung");
        pilot.QuerySelector("[data-fact='rent-months']")!.TextContent.ShouldBe("24");

        var permanent = page.QuerySelector($"[data-rule-set='{SeededRuleSets.PermanentCode}']")!;
        permanent.QuerySelector("[data-fact='in-use']")!.TextContent.ShouldBe("in Verwendung");
        permanent.QuerySelector("[data-fact='max-concurrent']")!.TextContent.ShouldBe("1", "one family at a time unless the rules say otherwise");
        int.Parse(permanent.QuerySelector("[data-fact='groups']")!.TextContent).ShouldBeGreaterThan(0, "the demo groups were submitted under the permanent rules");
        int.Parse(permanent.QuerySelector("[data-fact='sponsorships']")!.TextContent).ShouldBeGreaterThan(0);
        permanent.QuerySelector("a[href^='/Admin/RuleSets/Edit']").ShouldBeNull("rules in use are not edited");

        var next = page.QuerySelector("[data-rule-set='LIST-NEXT']")!;
        next.QuerySelector("[data-fact='in-use']").ShouldBeNull();
        next.QuerySelector("[data-fact='groups']")!.TextContent.ShouldBe("0");
        next.QuerySelector("[data-fact='sponsorships']")!.TextContent.ShouldBe("0");
        next.QuerySelector($"a[href='{EditUrl(unused)}']").ShouldNotBeNull();
        page.QuerySelector($"main a[href='{CreateUrl}']").ShouldNotBeNull();
        page.QuerySelector("main a[href='/Admin/RuleSets/End']")!.TextContent.ShouldBe("Programm beenden");
        page.QuerySelector("[data-fact='programme-end']").ShouldBeNull("the seeded rules are open-ended");
    }

    [Fact]
    public async Task After_the_end_the_list_names_the_programmes_last_day()
    {
        await factory.WhileProgrammeEndedAsync(async () =>
        {
            var client = await factory.SignedInAsAsync(Roles.Administrator);

            var page = await client.GetPageAsync("/Admin/RuleSets");

            page.QuerySelector("[data-fact='programme-end']")!.TextContent.ShouldContain($"Das Programm endet mit dem {TestProgrammeEnd.LastDay.German()}");
            // The latest rule set ends with the programme (another test of this class may have added one after the permanent rules).
            page.QuerySelectorAll("[data-rule-set]").Last().QuerySelector("[data-fact='valid-until']")!.TextContent
                .ShouldBe(TestProgrammeEnd.LastDay.German());
            page.QuerySelector("main a[href='/Admin/RuleSets/End']")!.TextContent.ShouldBe("Programmende ändern oder zurücknehmen");
        });
    }
}
