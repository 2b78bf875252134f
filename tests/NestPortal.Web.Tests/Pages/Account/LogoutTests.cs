using System.Net;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Account;

/// <summary>The "Abmelden" button of the layout posts here; opening the address signs nobody out.</summary>
public sealed class LogoutTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Signing_out_ends_the_session_and_the_start_page_says_so()
    {
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        (await client.GetAsync("/Groups")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await client.PostLayoutFormAsync("/Datenquellen", "/Account/Logout", new Dictionary<string, string>());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe("/");
        var start = await client.GetPageAsync("/");
        start.QuerySelector("main [role=status]")!.TextContent.ShouldBe("Sie sind abgemeldet.");
        start.QuerySelector("form[action='/Account/Logout']").ShouldBeNull("nobody is signed in any more");
        await client.GetAsync("/Groups").ShouldRedirectToLoginAsync();
    }

    [Fact]
    public async Task Opening_the_address_or_posting_without_the_token_keeps_the_session()
    {
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var opened = await client.GetAsync("/Account/Logout");
        var forged = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        opened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        opened.Location().ShouldBe("/");
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a link or another site must not sign anyone out");
        (await client.GetAsync("/Groups")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
