using System.Net;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Allocations;

public sealed class PrintTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static DateOnly Today => TestGroups.Today;

    private async Task<int> AllocatedAsync(string name, string fileReference)
    {
        var household = await factory.CreateHouseholdAsync(familyName: "Karimi", specialNeedsNote: "Diabetes");
        var group = await factory.CreateApprovedGroupAsync(await factory.DemoMentorIdAsync(), name);
        await factory.MatchAsync(group, household);
        await factory.AllocateAsync(household, fileReference: fileReference);
        return household;
    }

    [Fact]
    public async Task Letter_names_the_municipality_the_persons_the_dates_and_the_legal_basis()
    {
        var householdId = await AllocatedAsync("Brief Inhalt", "36.1-BRIEF-1");
        var household = await factory.LoadHouseholdAsync(householdId);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync($"/Allocations/Print/{household.Allocations.Single().Id}");

        var letter = page.QuerySelector("article.decision-letter")!;
        letter.GetAttribute("lang").ShouldBe("de");
        var text = System.Text.RegularExpressions.Regex.Replace(letter.TextContent, @"\s+", " ");
        text.ShouldContain("Bezirksregierung Arnsberg – Kompetenzzentrum für Integration");
        text.ShouldContain("Bochum");
        text.ShouldContain("Aktenzeichen: 36.1-BRIEF-1");
        text.ShouldContain($"Datum: {Today.German()}");
        text.ShouldContain($"mit Wirkung vom {Today.German()}");
        text.ShouldContain("§ 16 Teilhabe- und Integrationsgesetz NRW");
        foreach (var person in household.Persons)
        {
            text.ShouldContain(person.GivenName);
            text.ShouldContain(person.DateOfBirth.German());
        }

        text.ShouldNotContain("ersetzt");
        text.ShouldNotContain("Diabetes");
    }

    [Fact]
    public async Task New_decision_names_the_one_it_replaces_and_the_old_one_says_it_is_superseded()
    {
        var householdId = await AllocatedAsync("Brief Ersetzt", "36.1-ALT-7");
        await factory.AllocateAsync(householdId, ags: "05913000", fileReference: "36.1-NEU-7");
        var allocations = (await factory.LoadHouseholdAsync(householdId)).Allocations.OrderBy(a => a.Id).ToList();
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var newer = (await client.GetPageAsync($"/Allocations/Print/{allocations[1].Id}")).MainText();
        var older = await client.GetPageAsync($"/Allocations/Print/{allocations[0].Id}");

        newer.ShouldContain($"Diese Entscheidung ersetzt die Entscheidung vom {Today.German()} (Aktenzeichen 36.1-ALT-7).");
        older.QuerySelector(".superseded-notice")!.TextContent.ShouldContain("Aktenzeichen 36.1-NEU-7");
        older.MainText().ShouldContain("Ersetzt: Diese Entscheidung ist durch die Entscheidung vom");
    }

    [Fact]
    public async Task Print_stylesheet_sets_A4_and_hides_the_navigation()
    {
        var css = await factory.CreateClient().GetStringAsync("/css/site.css");
        css.ShouldContain("@page { size: A4;");
        css.ShouldContain("@media print");
        css.ShouldContain("header, .skip-link, .no-print");
    }

    [Fact]
    public async Task Unknown_allocation_is_404()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        await client.GetAsync("/Allocations/Print/999999").ShouldBeStatusAsync(HttpStatusCode.NotFound);
    }
}
