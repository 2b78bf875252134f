using AngleSharp.Html.Dom;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Pages.Households.HouseholdForms;
using System.Net;

namespace NestPortal.Web.Tests.Pages.Households;

public sealed class IndexTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static List<string> References(IHtmlDocument page) => page.TableRows().Select(r => r[0]).ToList();

    private static string? Link(IHtmlDocument page, string rel) => page.QuerySelector($"a[rel='{rel}']")?.GetAttribute("href");

    [Fact]
    public async Task Keyset_pages_walk_every_household_once_forwards_and_backwards_in_each_sort()
    {
        // 30 households: 10 without persons (no family name for sorting) and 20 with, some arrived.
        for (var i = 0; i < 30; i++)
        {
            await factory.CreateHouseholdAsync($"KS-{i:00}", persons: i < 10 ? 0 : 1, familyName: $"Keyset{(i * 7) % 13:00}",
                arrivedOn: i % 3 == 0 && i >= 10 ? Today.AddDays(-i) : null);
        }

        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        foreach (var sort in new[] { "Reference", "FamilyName", "Arrival" })
        {
            var pages = new List<List<string>>();
            var page = await client.GetPageAsync($"/Households/Index?search=KS-&sort={sort}");
            page.MainText().ShouldContain("30 Familien gefunden.");
            Link(page, "prev").ShouldBeNull();
            pages.Add(References(page));
            while (Link(page, "next") is { } next)
            {
                page = await client.GetPageAsync(next);
                pages.Add(References(page));
            }

            pages.Select(p => p.Count).ShouldBe([25, 5], $"sort {sort}");
            pages.SelectMany(p => p).Order().ShouldBe(Enumerable.Range(0, 30).Select(i => $"KS-{i:00}"), $"sort {sort}: each household once");

            var back = await client.GetPageAsync(Link(page, "prev")!);
            References(back).ShouldBe(pages[0], $"sort {sort}: back to the first page");
            Link(back, "prev").ShouldBeNull();
        }

        var byReference = await client.GetPageAsync("/Households/Index?search=KS-&sort=Reference");
        References(byReference).Take(3).ShouldBe(["KS-00", "KS-01", "KS-02"]);
    }

    [Fact]
    public async Task Search_finds_households_by_a_persons_name_and_by_reference()
    {
        await factory.CreateHouseholdAsync("SUCHE-A", familyName: "Quraishi");
        await factory.CreateHouseholdAsync("SUCHE-B", familyName: "Andere");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var byName = await client.GetPageAsync("/Households/Index?search=quraishi");
        var byReference = await client.GetPageAsync("/Households/Index?search=SUCHE-B");
        var nothing = await client.GetPageAsync("/Households/Index?search=gibtesnicht");

        References(byName).ShouldBe(["SUCHE-A"]);
        byName.TableRows().Single()[1].ShouldBe("Quraishi");
        byName.TableRows().Single()[2].ShouldBe("2");
        byName.TableRows().Single()[3].ShouldBe("Erfasst, wartet auf Vermittlung");
        References(byReference).ShouldBe(["SUCHE-B"]);
        nothing.MainText().ShouldContain("Keine Familien gefunden.");
        byName.QuerySelector("main a[href='/Households/Create']")!.TextContent.ShouldBe("Familie erfassen");
    }

    [Fact]
    public async Task Filters_by_status_allocated_municipality_and_arrival_year()
    {
        var arrivedLastYear = new DateOnly(Today.Year - 1, 6, 15);
        var allocated = await factory.CreateHouseholdAsync("FILTER-ZUGEWIESEN", persons: 1);
        var groupId = await factory.CreateApprovedGroupAsync(await factory.DemoMentorIdAsync(), "Gruppe Filter");
        await factory.MatchAsync(groupId, allocated);
        await factory.AllocateAsync(allocated, "05911000");
        await factory.CreateHouseholdAsync("FILTER-ANGEKOMMEN", persons: 1, arrivedOn: arrivedLastYear);
        await factory.CreateHouseholdAsync("FILTER-ERFASST", persons: 1);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var byStatus = await client.GetPageAsync("/Households/Index?search=FILTER-&status=Allocated");
        var byMunicipality = await client.GetPageAsync("/Households/Index?search=FILTER-&municipality=Bochum");
        var byYear = await client.GetPageAsync($"/Households/Index?search=FILTER-&year={arrivedLastYear.Year}");
        var byOtherYear = await client.GetPageAsync($"/Households/Index?search=FILTER-&year={arrivedLastYear.Year - 1}");
        var unknownMunicipality = await client.GetPageAsync("/Households/Index?municipality=Atlantis");
        var unknownPostcode = await client.GetPageAsync("/Households/Index?municipality=44225");

        References(byStatus).ShouldBe(["FILTER-ZUGEWIESEN"]);
        References(byMunicipality).ShouldBe(["FILTER-ZUGEWIESEN"]);
        byMunicipality.TableRows().Single()[4].ShouldBe("Bochum, Stadt");
        References(byYear).ShouldBe(["FILTER-ANGEKOMMEN"]);
        byYear.TableRows().Single()[6].ShouldBe(arrivedLastYear.German());
        byOtherYear.MainText().ShouldContain("Keine Familien gefunden.");
        unknownMunicipality.MainText().ShouldContain("Keine Kommune in NRW passt zu „Atlantis“.");
        unknownPostcode.MainText().ShouldContain("Zur Postleitzahl 44225 ist keine Kommune verzeichnet. Das Gemeindeverzeichnis kennt je Kommune nur die Postleitzahl des Rathauses; bitte suchen Sie nach dem Namen der Kommune.");
    }

    private static readonly string[] PagesOf = ["Index", "Create", "Details/{0}", "Edit/{0}", "Leave/{0}",
        "Persons/Add/{0}", "Persons/Edit/{0}/{1}", "Persons/Remove/{0}/{1}", "Persons/Leave/{0}/{1}"];

    private async Task<List<string>> UrlsAsync()
    {
        var id = await factory.CreateHouseholdAsync(persons: 1, familyName: "Geheimhaltung", specialNeedsNote: "Nur KfI");
        var personId = (await factory.LoadHouseholdAsync(id)).Persons.Single().Id;
        return PagesOf.Select(p => "/Households/" + string.Format(System.Globalization.CultureInfo.InvariantCulture, p, id, personId)).ToList();
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.Administrator)]
    public async Task Other_roles_are_refused_on_every_household_page(string role)
    {
        var urls = await UrlsAsync();
        var client = await factory.SignedInAsAsync(role);

        foreach (var url in urls)
        {
            var post = await client.PostWithTokenAsync(url, new Dictionary<string, string> { ["Input.Reference"] = "GEKAPERT" })
                .ShouldBeStatusAsync(HttpStatusCode.Forbidden);
            post.ShouldNotReveal("Nur KfI");
        }

        (await factory.QueryAsync(db => Task.FromResult(db.Households.Any(h => h.Reference == "GEKAPERT")))).ShouldBeFalse();
    }

    /// <summary>Regression: "1 Familien gefunden."</summary>
    [Fact]
    public async Task One_household_found_is_counted_in_the_singular()
    {
        await factory.CreateHouseholdAsync("Einzahl-0001");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync("/Households/Index?search=Einzahl-0001");

        page.MainText().ShouldContain("1 Familie gefunden.");
        page.MainText().ShouldNotContain("1 Familien");
    }
}
