using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Account;

/// <summary>Where the login sends an account after too many wrong passwords (the lockout itself: <see cref="LoginTests"/>).</summary>
public sealed class LockoutTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_page_says_for_how_long_the_account_is_locked_and_offers_a_new_password()
    {
        var page = await factory.CreateBrowserLikeClient().GetPageAsync("/Account/Lockout");

        page.QuerySelector("h1")!.TextContent.ShouldBe("Konto vorübergehend gesperrt");
        page.MainText().ShouldContain("Nach mehreren falschen Anmeldeversuchen ist Ihr Konto für 15 Minuten gesperrt.");
        page.QuerySelector("main a[href='/Account/ForgotPassword']")!.TextContent.ShouldBe("Passwort zurücksetzen");
    }
}
