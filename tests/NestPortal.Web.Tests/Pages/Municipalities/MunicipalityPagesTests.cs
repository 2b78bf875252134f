using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Municipalities;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.Pages.Outreach;

namespace NestPortal.Web.Tests.Pages.Municipalities;

public sealed class MunicipalityPagesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    // Municipalities the demo data leaves without a Sicherer-Hafen decision (Warstein also without outreach), one per test that changes it.
    private const string Hamm = "05915000", Warstein = "05974044", Soest = "05974040", Unna = "05978036", Siegen = "05970040";

    private static DateOnly Today => TestGroups.Today;

    private Task<DateOnly?> DecisionAsync(string ags) =>
        factory.QueryAsync(db => db.Municipalities.Where(m => m.Ags == Ags.Parse(ags)).Select(m => m.SafeHarbourDeclaredOn).SingleAsync());

    private Task SetDecisionAsync(string ags, DateOnly decided) => factory.ExecuteAsync(async db =>
    {
        var municipality = await db.Municipalities.SingleAsync(m => m.Ags == Ags.Parse(ags));
        municipality.RecordSafeHarbourDecision(decided, Today);
        await db.SaveChangesAsync();
    });

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

    [Fact]
    public async Task Staff_record_a_council_decision()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var response = await client.PostFormAsync($"/Municipalities/SafeHarbour/{Hamm}", new Dictionary<string, string> { ["DecidedOn"] = "2019-06-27" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"/Municipalities/Details/{Hamm}");
        (await DecisionAsync(Hamm)).ShouldBe(new DateOnly(2019, 6, 27));
        var details = await client.GetPageAsync(response.Location());
        details.MainText().ShouldContain("Sicherer Hafen seit 27.06.2019 ist gespeichert.");
        details.MainText().ShouldContain("Sicherer Hafen seit 27.06.2019 (Ratsbeschluss)");
        var audit = await factory.QueryAsync(db => db.AuditEntries
            .Where(a => a.EntityType == "Municipality" && a.EntityId == Hamm).OrderByDescending(a => a.Id).FirstAsync());
        audit.Role.ShouldBe(Roles.CompetenceCentre);
        audit.Changes.ShouldNotBeNull().ShouldContain("2019-06-27");
    }

    [Fact]
    public async Task A_decision_in_the_future_is_refused_in_German_and_nothing_saved()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var future = Today.AddDays(5);

        var page = await (await client.PostFormAsync($"/Municipalities/SafeHarbour/{Soest}",
            new Dictionary<string, string> { ["DecidedOn"] = future.Iso() })).ReadHtmlAsync();

        page.ShouldShowError($"Der Ratsbeschluss ({future.German()}) liegt in der Zukunft; tragen Sie ihn nach der Sitzung ein.");
        page.ValueOf("DecidedOn").ShouldBe(future.Iso());
        (await DecisionAsync(Soest)).ShouldBeNull();
    }

    [Fact]
    public async Task Withdrawing_needs_the_confirmation()
    {
        await SetDecisionAsync(Unna, new DateOnly(2019, 9, 12));
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var refused = await (await client.PostFormAsync($"/Municipalities/SafeHarbour/{Unna}",
            new Dictionary<string, string> { ["DecidedOn"] = "" })).ReadHtmlAsync();
        refused.ShouldShowError("Das Datum ist leer: Bitte bestätigen Sie, dass der Beschluss zurückgenommen wurde.");
        (await DecisionAsync(Unna)).ShouldBe(new DateOnly(2019, 9, 12));

        var response = await client.PostFormAsync($"/Municipalities/SafeHarbour/{Unna}",
            new Dictionary<string, string> { ["DecidedOn"] = "", ["ConfirmWithdrawal"] = "true" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await DecisionAsync(Unna)).ShouldBeNull();
        (await client.GetPageAsync(response.Location())).MainText().ShouldContain("Der Beschluss ist als zurückgenommen gespeichert.");
    }

    [Fact]
    public async Task A_form_shown_before_someone_else_changed_the_decision_is_refused()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        // The form was shown without a decision; meanwhile a colleague recorded one.
        var page = await client.GetPageAsync($"/Municipalities/SafeHarbour/{Siegen}");
        var token = page.ValueOf("__RequestVerificationToken")!;
        await SetDecisionAsync(Siegen, new DateOnly(2020, 2, 20));
        var response = await client.PostAsync($"/Municipalities/SafeHarbour/{Siegen}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Shown"] = "", ["DecidedOn"] = "2019-01-15",
        }));

        (await response.ReadHtmlAsync()).ShouldShowError("Der Ratsbeschluss wurde inzwischen von jemand anderem geändert.");
        (await DecisionAsync(Siegen)).ShouldBe(new DateOnly(2020, 2, 20));
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

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.Administrator)]
    public async Task Other_roles_are_refused(string role)
    {
        var client = await factory.SignedInAsAsync(role);

        foreach (var url in new[] { "/Municipalities", "/Municipalities/Details/05913000", "/Municipalities/SafeHarbour/05913000" })
            (await client.GetAsync(url).ShouldBeStatusAsync(HttpStatusCode.Forbidden)).ShouldNotReveal("Ratsbeschluss");
        await client.PostWithTokenAsync("/Municipalities/SafeHarbour/05913000", new Dictionary<string, string> { ["DecidedOn"] = "2019-01-01" })
            .ShouldBeStatusAsync(HttpStatusCode.Forbidden);

        (await DecisionAsync("05913000")).ShouldBeNull();
    }
}
