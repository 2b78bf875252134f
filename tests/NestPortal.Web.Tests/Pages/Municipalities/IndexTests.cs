using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Municipalities;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.Pages.Outreach;

namespace NestPortal.Web.Tests.Pages.Municipalities;

public sealed class IndexTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>The value a description list on the page gives for <paramref name="term"/>.</summary>
    private static string Fact(AngleSharp.Html.Dom.IHtmlDocument page, string term) =>
        page.QuerySelectorAll("main dt").Single(d => d.TextContent.Trim() == term).NextElementSibling!.TextContent.Trim();

    [Fact]
    public async Task The_list_finds_by_name_postcode_and_AGS()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var byName = await client.GetPageAsync("/Municipalities?search=Dortmund");
        var byPostcode = await client.GetPageAsync("/Municipalities?search=44135");
        var byAgs = await client.GetPageAsync("/Municipalities?search=05913000");
        var byAgsPrefix = await client.GetPageAsync("/Municipalities?search=0591300");

        foreach (var page in new[] { byName, byPostcode, byAgs, byAgsPrefix })
            page.TableRows().Single()[0].ShouldBe("Dortmund, Stadt");
    }

    [Fact]
    public async Task The_search_says_what_it_searches_and_a_postcode_no_town_hall_has_is_explained()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync("/Municipalities?search=44225");

        page.QuerySelector("label[for='search']")!.TextContent.ShouldBe("Suche (Name, AGS oder Postleitzahl des Rathauses)");
        page.TableRows().ShouldBeEmpty();
        page.QuerySelector("main [role='status']")!.TextContent.ShouldBe(
            "Zur Postleitzahl 44225 ist keine Kommune verzeichnet. Das Gemeindeverzeichnis kennt je Kommune nur die Postleitzahl des Rathauses; bitte suchen Sie nach dem Namen der Kommune.");
        page.QuerySelector("#search")!.GetAttribute("value").ShouldBe("44225");
    }

    [Fact]
    public async Task A_name_that_finds_nothing_says_so_without_the_postcode_hint()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync("/Municipalities?search=Atlantis");

        page.QuerySelector("main [role='status']")!.TextContent.ShouldBe("Keine Kommunen gefunden.");
    }

    [Fact]
    public async Task The_table_names_the_postcode_as_the_town_halls()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync("/Municipalities?search=Dortmund");

        page.QuerySelectorAll("main th").Select(th => th.TextContent).ShouldContain("Postleitzahl (Rathaus)");
        page.TableRows().Single()[2].ShouldBe("44135");
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.Municipality)]
    public async Task Only_the_competence_centre_searches_all_municipalities(string role)
    {
        var client = await factory.SignedInAsAsync(role);

        await client.GetAsync("/Municipalities?search=44225").ShouldBeStatusAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_list_filters_by_region_and_Sicherer_Hafen_and_pages()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var all = await client.GetPageAsync("/Municipalities");
        var detmold = await client.GetPageAsync("/Municipalities?region=Reg.-Bez.+Detmold");
        var harbours = await client.GetPageAsync("/Municipalities?safeHarbour=true");

        all.MainText().ShouldContain("Seite 1 von 20 (396 Einträge)");
        detmold.TableRows().ShouldAllBe(r => r[4] == "Reg.-Bez. Detmold");
        var koeln = harbours.TableRows().Single(r => r[0] == "Köln, Stadt");
        koeln[5].ShouldBe("06.09.2018");
        int.Parse(koeln[6]).ShouldBeGreaterThan(0);
        harbours.TableRows().ShouldAllBe(r => r[5] != "kein Beschluss erfasst");
    }
}
