using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Account;

public sealed class ConfirmEmailTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Confirmed = "Danke, Ihre E-Mail-Adresse ist bestätigt. Sie können sich jetzt anmelden.";
    private const string InvalidLink = "Der Link ist ungültig oder abgelaufen. Bitte fordern Sie einen neuen an.";

    /// <summary>Registers a mentor and returns the address and the confirmation link from the mail.</summary>
    private async Task<(string Email, string Link)> RegisteredAsync()
    {
        var email = Accounts.NewEmail("bestaetigen");
        var response = await factory.CreateBrowserLikeClient().PostFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Berta Bestätigung",
            ["Input.Email"] = email,
            ["Input.Password"] = Accounts.Password,
            ["Input.ConfirmPassword"] = Accounts.Password,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return (email, factory.LinkInLatestMailTo(email));
    }

    private Task<bool> IsConfirmedAsync(string email) =>
        factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync());

    [Fact]
    public async Task The_mailed_link_confirms_the_address_and_offers_the_sign_in()
    {
        var (email, link) = await RegisteredAsync();
        (await IsConfirmedAsync(email)).ShouldBeFalse();

        var page = await factory.CreateBrowserLikeClient().GetPageAsync(link);

        page.QuerySelector("main [role=status]")!.TextContent.ShouldBe(Confirmed);
        page.QuerySelector("main a.kern-btn")!.GetAttribute("href").ShouldBe("/Account/Login");
        page.QuerySelector("main [role=alert]").ShouldBeNull();
        (await IsConfirmedAsync(email)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_tampered_code_is_refused_and_the_address_stays_unconfirmed()
    {
        var (email, link) = await RegisteredAsync();
        var query = QueryHelpers.ParseQuery(new Uri("http://localhost" + link).Query);
        var code = query["code"].ToString();
        var tampered = code[..^4] + (code.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        var page = await factory.CreateBrowserLikeClient()
            .GetPageAsync($"/Account/ConfirmEmail?userId={query["userId"]}&code={tampered}");

        page.QuerySelector("main [role=alert]")!.TextContent.ShouldBe(InvalidLink);
        page.QuerySelector("main [role=status]").ShouldBeNull();
        (await IsConfirmedAsync(email)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("/Account/ConfirmEmail")]
    [InlineData("/Account/ConfirmEmail?userId=gibt-es-nicht&code=YWJj")]
    [InlineData("/Account/ConfirmEmail?userId=gibt-es-nicht&code=%%%")]
    public async Task A_link_without_a_known_account_or_readable_code_shows_the_German_message(string url)
    {
        var page = await factory.CreateBrowserLikeClient().GetPageAsync(url);

        page.QuerySelector("main [role=alert]")!.TextContent.ShouldBe(InvalidLink);
        page.QuerySelector("main a[href='/Account/ForgotPassword']")!.TextContent.ShouldBe("Neuen Link anfordern");
    }

    [Fact]
    public async Task A_code_for_another_account_does_not_confirm_this_one()
    {
        var (first, firstLink) = await RegisteredAsync();
        var (second, secondLink) = await RegisteredAsync();
        var firstQuery = QueryHelpers.ParseQuery(new Uri("http://localhost" + firstLink).Query);
        var secondQuery = QueryHelpers.ParseQuery(new Uri("http://localhost" + secondLink).Query);

        var page = await factory.CreateBrowserLikeClient()
            .GetPageAsync($"/Account/ConfirmEmail?userId={secondQuery["userId"]}&code={firstQuery["code"]}");

        page.QuerySelector("main [role=alert]")!.TextContent.ShouldBe(InvalidLink);
        (await IsConfirmedAsync(first)).ShouldBeFalse();
        (await IsConfirmedAsync(second)).ShouldBeFalse();
    }
}
