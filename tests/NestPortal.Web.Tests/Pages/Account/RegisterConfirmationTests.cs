using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Account;

/// <summary>Where the registration sends a new mentor (the registration itself: <see cref="RegisterTests"/>).</summary>
public sealed class RegisterConfirmationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_page_asks_to_open_the_link_in_the_mail_and_leads_to_the_login()
    {
        var page = await factory.CreateBrowserLikeClient().GetPageAsync("/Account/RegisterConfirmation");

        page.QuerySelector("h1")!.TextContent.ShouldBe("Bitte bestätigen Sie Ihre E-Mail-Adresse");
        page.MainText().ShouldContain("Wir haben Ihnen eine E-Mail geschickt. Öffnen Sie den Link darin, um Ihr Konto zu aktivieren.");
        page.QuerySelector("main a[href='/Account/Login']")!.TextContent.ShouldBe("Zur Anmeldung");
    }
}
