using System.Net;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Sponsorships;

public sealed class IndexTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<string> MatchedAsync(string groupName, string reference)
    {
        var household = await factory.CreateHouseholdAsync(reference);
        var group = await factory.CreateApprovedGroupAsync(await factory.DemoMentorIdAsync(), groupName);
        await factory.MatchAsync(group, household);
        return reference;
    }

    [Fact]
    public async Task Staff_search_by_group_name_and_by_household_reference()
    {
        await MatchedAsync("Liste Sonnenblume", "NesT-LISTE-001");
        await MatchedAsync("Liste Kornblume", "NesT-LISTE-002");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var byGroup = (await client.GetPageAsync("/Sponsorships/Index?search=sonnenblume")).TableRows();
        byGroup.Count.ShouldBe(1);
        byGroup[0][0].ShouldBe("NesT-LISTE-001");
        byGroup[0][1].ShouldBe("Liste Sonnenblume");
        byGroup[0][2].ShouldStartWith("Bochum");
        byGroup[0][5].ShouldBe("läuft");

        var byReference = (await client.GetPageAsync("/Sponsorships/Index?search=LISTE-002")).TableRows();
        byReference.Single()[1].ShouldBe("Liste Kornblume");

        var none = await client.GetPageAsync("/Sponsorships/Index?search=NesT-LISTE&status=Completed");
        none.TableRows().ShouldBeEmpty();
        none.MainText().ShouldContain("Keine Mentoring-Übernahmen gefunden.");
        (await client.GetPageAsync("/Sponsorships/Index?search=NesT-LISTE&status=all")).TableRows().Count.ShouldBe(2);
        (await client.GetPageAsync("/Sponsorships/Index?search=NesT-LISTE")).MainText().ShouldContain("Seite 1 von 1 (2 Einträge)");
    }

    [Fact]
    public async Task Pages_hold_twenty_rows_each()
    {
        for (var i = 0; i < 21; i++) await MatchedAsync($"Blättern {i:00}", $"NesT-BLAETTERN-{i:00}");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var first = await client.GetPageAsync("/Sponsorships/Index?search=BLAETTERN");
        var second = await client.GetPageAsync("/Sponsorships/Index?search=BLAETTERN&pageNumber=2");

        first.TableRows().Count.ShouldBe(20);
        second.TableRows().Count.ShouldBe(1);
        first.TableRows().Select(r => r[0]).Concat(second.TableRows().Select(r => r[0])).Distinct().Count().ShouldBe(21);
        first.QuerySelector("main nav a[href*='pageNumber=2']")!.GetAttribute("href")!.ShouldContain("search=BLAETTERN");
    }
}
