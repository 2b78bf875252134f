using System.Net;
using NestPortal.Domain.Households;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Pages.Households.HouseholdForms;

namespace NestPortal.Web.Tests.Pages.Households;

public sealed class DetailsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Url(int id) => $"/Households/Details/{id}";

    [Fact]
    public async Task Staff_see_persons_the_note_and_the_match_link_of_a_recorded_household()
    {
        var id = await factory.CreateHouseholdAsync("NesT-DETAILS", persons: 2, familyName: "Nasser", specialNeedsNote: "Insulinpflichtig");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync(Url(id));

        page.QuerySelector("h1")!.TextContent.ShouldBe("Familie NesT-DETAILS");
        var text = page.MainText();
        text.ShouldContain("Person1 Nasser");
        text.ShouldContain("Person2 Nasser");
        text.ShouldContain("Syrien");
        text.ShouldContain("Libanon");
        text.ShouldContain("Insulinpflichtig");
        text.ShouldContain("noch nicht eingereist");
        page.QuerySelector($"a[href='/Sponsorships/Create?householdId={id}']").ShouldNotBeNull();
        page.QuerySelector("a[href^='/Allocations/Create']").ShouldBeNull();
        page.QuerySelectorAll("h1, h2, h3").Select(h => h.TagName).First().ShouldBe("H1");
    }

    [Fact]
    public async Task A_matched_and_allocated_household_shows_its_sponsorship_allocations_and_allocate_link()
    {
        var id = await factory.CreateHouseholdAsync("NesT-MATCHED", persons: 1);
        var groupId = await factory.CreateApprovedGroupAsync(await factory.DemoMentorIdAsync(), "Gruppe Details Vermittlung");
        var sponsorshipId = await factory.MatchAsync(groupId, id);
        await factory.AllocateAsync(id, "05911000", "Az. ALT-1");
        await factory.AllocateAsync(id, "05913000", "Az. NEU-2");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync(Url(id));

        var text = page.MainText();
        text.ShouldContain("Gruppe Details Vermittlung");
        text.ShouldContain("Hauptstraße 1, 44787 Bochum");
        page.QuerySelector($"a[href='/Sponsorships/Details/{sponsorshipId}']").ShouldNotBeNull();
        page.QuerySelector("a[href^='/Sponsorships/Create']").ShouldBeNull();
        page.QuerySelector($"a[href='/Allocations/Create?householdId={id}']")!.TextContent.ShouldBe("Neue Zuweisungsentscheidung");
        text.ShouldContain("Dortmund, Stadt");
        text.ShouldContain("Az. NEU-2");
        text.ShouldContain("Frühere Entscheidungen");
        text.ShouldContain("Bochum, Stadt (Az. ALT-1), ersetzt am");
        // The history names each decision by its municipality and links to the decisions on this page.
        text.ShouldContain("Zuweisung an Dortmund, Stadt: Angelegt");
        text.ShouldContain("Zuweisung an Bochum, Stadt: Angelegt");
        page.QuerySelectorAll("ol.history a[href='#allocation-heading']").Length.ShouldBe(3, "two decisions made, the first one superseded");
        page.QuerySelector(".status-badge")!.TextContent.ShouldBe("Zugewiesen");
        (await factory.LoadHouseholdAsync(id)).Status.ShouldBe(HouseholdStatus.Allocated);
    }

    [Fact]
    public async Task The_history_shows_the_latest_fifty_entries_with_a_note()
    {
        var id = await factory.CreateHouseholdAsync("NesT-HISTORY", persons: 1);
        for (var i = 1; i <= 55; i++)
        {
            var day = i;
            await factory.ExecuteAsync(async db =>
            {
                var household = await db.Households.FindAsync(id);
                household!.ChangeDetails("NesT-HISTORY", Today.AddDays(day), null, Today);
                await db.SaveChangesAsync();
            });
        }

        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync(Url(id));

        page.QuerySelectorAll("ol.history > li").Length.ShouldBe(50);
        page.MainText().ShouldContain("Es werden die letzten 50 Einträge gezeigt; ältere stehen im Audit-Protokoll.");
        page.MainText().ShouldContain($"Erwartete Ankunft: {Today.AddDays(54).German()} → {Today.AddDays(55).German()}");
    }

    [Fact]
    public async Task The_special_needs_note_is_withheld_in_the_history()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var created = await client.PostFormAsync("/Households/Create", Household("NesT-VERTRAULICH", note: "Traumatherapie"));

        var page = await client.GetPageAsync(created.Location());

        page.QuerySelector(".special-needs")!.TextContent.ShouldBe("Traumatherapie");
        page.QuerySelector("ol.history")!.TextContent.ShouldNotContain("Traumatherapie");
        page.QuerySelector("ol.history")!.TextContent.ShouldContain("Besondere Bedarfe: (vertraulich)");
    }

    [Fact]
    public async Task An_unknown_household_is_not_found()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        await client.GetPageAsync(Url(987654), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_history_names_the_household_and_its_persons_and_links_the_persons()
    {
        var id = await factory.CreateHouseholdAsync("NesT-VERLAUF", persons: 1, familyName: "Haddad");
        var person = (await factory.LoadHouseholdAsync(id)).Persons.Single();
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync(Url(id));

        var history = page.QuerySelector("ol.history")!;
        history.TextContent.ShouldContain("Familie NesT-VERLAUF: Angelegt");
        var link = history.QuerySelector($"a[href='#person-{person.Id}']")!;
        link.TextContent.ShouldBe("Person1 Haddad");
        page.QuerySelector($"#person-{person.Id}").ShouldNotBeNull("the link leads to the person on this page");
    }
}
