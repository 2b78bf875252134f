using System.Net;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages;

/// <summary>The status code pages re-execute here: 403, 404 and unexpected errors, in German, with the status kept.</summary>
public sealed class ErrorTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_unknown_address_shows_a_German_not_found_page()
    {
        var response = await factory.CreateBrowserLikeClient().GetAsync("/gibt-es-nicht");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"redirected to {response.Headers.Location}");
        var page = await response.ReadHtmlAsync();
        page.QuerySelector("html")!.GetAttribute("lang").ShouldBe("de");
        page.QuerySelector("h1")!.TextContent.ShouldBe("Seite nicht gefunden");
        page.QuerySelector("main")!.TextContent.ShouldContain("Diese Seite oder dieser Eintrag existiert nicht");
    }

    [Fact]
    public async Task An_unknown_address_shows_a_German_not_found_page_to_a_signed_in_person()
    {
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var response = await client.GetAsync("/gibt-es-nicht");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = await response.ReadHtmlAsync();
        page.QuerySelector("html")!.GetAttribute("lang").ShouldBe("de");
        page.QuerySelector("h1")!.TextContent.ShouldBe("Seite nicht gefunden");
    }

    [Fact]
    public async Task A_refused_page_shows_the_German_no_access_page_and_keeps_the_403()
    {
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var response = await client.GetAsync("/Admin/Users");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var page = await response.ReadHtmlAsync();
        page.QuerySelector("h1")!.TextContent.ShouldBe("Kein Zugriff");
        page.MainText().ShouldContain("Sie haben keine Berechtigung für diese Seite.");
        page.QuerySelector("main a[href='/']")!.TextContent.ShouldBe("Zur Startseite");
    }

    [Theory]
    [InlineData("/Error")]
    [InlineData("/Error?code=200")]
    [InlineData("/Error?code=abc")]
    public async Task Any_other_code_is_an_unexpected_error_with_a_number_for_the_support(string url)
    {
        var response = await factory.CreateBrowserLikeClient().GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var page = await response.ReadHtmlAsync();
        page.QuerySelector("h1")!.TextContent.ShouldBe("Ein Fehler ist aufgetreten");
        page.QuerySelector("main code")!.TextContent.ShouldNotBeNullOrWhiteSpace();
    }
}
