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
