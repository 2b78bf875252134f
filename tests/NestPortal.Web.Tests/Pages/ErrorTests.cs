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
}
