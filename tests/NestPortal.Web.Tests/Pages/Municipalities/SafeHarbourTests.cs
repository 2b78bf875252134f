using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Municipalities;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.Pages.Outreach;

namespace NestPortal.Web.Tests.Pages.Municipalities;

public sealed class SafeHarbourTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    // Municipalities the demo data leaves without a Sicherer-Hafen decision, one per test that changes it.
    private const string Hamm = "05915000", Soest = "05974040", Unna = "05978036", Siegen = "05970040";

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
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.Administrator)]
    public async Task Other_roles_posting_a_decision_are_refused_and_nothing_is_saved(string role)
    {
        var client = await factory.SignedInAsAsync(role);

        await client.PostWithTokenAsync("/Municipalities/SafeHarbour/05913000", new Dictionary<string, string> { ["DecidedOn"] = "2019-01-01" })
            .ShouldBeStatusAsync(HttpStatusCode.Forbidden);

        (await DecisionAsync("05913000")).ShouldBeNull();
    }
}
