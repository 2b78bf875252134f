using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Municipalities;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.Pages.Outreach;

namespace NestPortal.Web.Tests.Pages.Municipalities;

public sealed class DetailsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    // A municipality the demo data leaves without a Sicherer-Hafen decision and without outreach.
    private const string Warstein = "05974044";

    /// <summary>The value a description list on the page gives for <paramref name="term"/>.</summary>
    private static string Fact(AngleSharp.Html.Dom.IHtmlDocument page, string term) =>
        page.QuerySelectorAll("main dt").Single(d => d.TextContent.Trim() == term).NextElementSibling!.TextContent.Trim();

    [Fact]
    public async Task Details_show_register_data_decision_outreach_and_the_number_of_households()
    {
        var id = await factory.RecordOutreachAsync("Gespräch mit Warstein", [Warstein], [Warstein]);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var koeln = (await client.GetPageAsync("/Municipalities/Details/05315000")).MainText();
        var warstein = await client.GetPageAsync($"/Municipalities/Details/{Warstein}");

        koeln.ShouldContain("Sicherer Hafen seit 06.09.2018 (Ratsbeschluss)");
        koeln.ShouldContain("Reg.-Bez. Köln");
        warstein.MainText().ShouldContain("kein Beschluss erfasst");
        Fact(warstein, "Zugewiesene Familien").ShouldBe("0");
        warstein.TableRows().Single().ShouldBe(["10.05.2022", "Gespräch mit Warstein", "Gespräch mit Kommunen", "Informiert"]);
        warstein.QuerySelector($"a[href='/Outreach/Edit/{id}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_demo_municipality_shows_its_allocated_households_as_a_count()
    {
        var dortmund = Ags.Parse("05913000");
        var expected = await factory.QueryAsync(db => db.Households.CountAsync(h => h.AllocatedMunicipalityAgs == dortmund));
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync("/Municipalities/Details/05913000");

        expected.ShouldBeGreaterThan(0);
        Fact(page, "Zugewiesene Familien").ShouldBe(expected.ToString());
    }

    [Theory]
    [InlineData("05999999")]
    [InlineData("09162000")]
    [InlineData("abc")]
    [InlineData("5913000")]
    public async Task An_unknown_AGS_is_not_found(string ags)
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        await client.GetAsync($"/Municipalities/Details/{ags}").ShouldBeStatusAsync(HttpStatusCode.NotFound);
        await client.GetAsync($"/Municipalities/SafeHarbour/{ags}").ShouldBeStatusAsync(HttpStatusCode.NotFound);
        await client.PostWithTokenAsync($"/Municipalities/SafeHarbour/{ags}", new Dictionary<string, string> { ["DecidedOn"] = "2019-01-01" })
            .ShouldBeStatusAsync(HttpStatusCode.NotFound);
    }
}
