using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Localization;

/// <summary>
/// The English resource file is actually found and served by the running portal (resource path, marker
/// class and satellite assembly), and German stays the default.
/// </summary>
public sealed class EnglishPagesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly IReadOnlyDictionary<string, string> English = LocalizationKeys.ReadResx(
        Path.Combine(LocalizationKeys.FindRepositoryRoot(), LocalizationKeys.EnglishResourceFile));

    [Fact]
    public async Task The_login_page_is_English_when_English_is_asked_for()
    {
        var page = await factory.CreateBrowserLikeClient().GetPageAsync("/Account/Login?culture=en");

        var signIn = English["Anmelden"];
        signIn.ShouldNotBe("Anmelden");
        page.QuerySelector("h1")!.TextContent.Trim().ShouldBe(signIn);
        page.DocumentElement.GetAttribute("lang").ShouldBe("en");
        page.QuerySelector("label[for='Input_Password']")!.TextContent.Trim().ShouldStartWith(English["Passwort"]);
    }

    [Fact]
    public async Task The_login_page_is_German_without_a_chosen_language()
    {
        var page = await factory.CreateBrowserLikeClient().GetPageAsync("/Account/Login");

        page.QuerySelector("h1")!.TextContent.Trim().ShouldBe("Anmelden");
        page.DocumentElement.GetAttribute("lang").ShouldBe("de");
        page.QuerySelector("label[for='Input_Password']")!.TextContent.Trim().ShouldStartWith("Passwort");
    }

    /// <summary>Regression: English pages showed US dates ("12/2/2026 5:02 AM"); now day first and a 24-hour clock.</summary>
    [Fact]
    public async Task English_pages_show_dates_day_first_with_a_24_hour_clock()
    {
        var client = await factory.SignedInAsAsync(NestPortal.Web.Authorization.Roles.Administrator);

        var page = await client.GetPageAsync("/Admin/Audit?culture=en");

        var shown = page.QuerySelector("tbody tr td")!.TextContent.Trim();
        var expected = NestPortal.Web.Infrastructure.Clock.InGermany(TestClock.UtcNow).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        shown.ShouldStartWith(expected);
        shown.ShouldMatch(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2}$");
    }
}
