using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Account;

public sealed class SetPasswordTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string NewPassword = "Ein-ganz-neues-Passwort-2026";
    private const string InvalidLink = "Der Link ist ungültig oder abgelaufen. Bitte fordern Sie einen neuen an.";

    /// <summary>An account that asked for a new password; returns the address and the link from the mail.</summary>
    private async Task<(string Email, string Link)> ResetRequestedAsync()
    {
        var email = await factory.CreateUserAsync(Roles.Mentor);
        var response = await factory.CreateBrowserLikeClient()
            .PostFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = email });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (email, factory.LinkInLatestMailTo(email));
    }

    private static Task<HttpResponseMessage> SetAsync(HttpClient client, string link, string password, string? confirm = null) =>
        client.PostFormAsync(link, new Dictionary<string, string>
        {
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirm ?? password,
        });

    private async Task<bool> CanSignInAsync(string email, string password)
    {
        var response = await factory.CreateBrowserLikeClient().PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return response.StatusCode == HttpStatusCode.Redirect;
    }

    [Fact]
    public async Task The_link_sets_a_new_password_and_the_old_one_stops_working()
    {
        var (email, link) = await ResetRequestedAsync();
        var client = factory.CreateBrowserLikeClient();
        var form = await client.GetPageAsync(link);
        form.QuerySelector("h1")!.TextContent.ShouldBe("Passwort festlegen");
        form.ValueOf("Input.UserId").ShouldNotBeNullOrEmpty();
        form.ValueOf("Input.Code").ShouldNotBeNullOrEmpty();

        var response = await SetAsync(client, link, NewPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe("/Account/Login");
        var login = await client.GetPageAsync("/Account/Login");
        login.QuerySelector("main [role=status]")!.TextContent.ShouldBe("Ihr Passwort ist gespeichert. Bitte melden Sie sich an.");
        (await CanSignInAsync(email, Accounts.Password)).ShouldBeFalse("the old password no longer works");
        (await CanSignInAsync(email, NewPassword)).ShouldBeTrue("the new password works");
    }

    [Fact]
    public async Task A_tampered_code_shows_that_the_link_is_invalid_and_changes_nothing()
    {
        var (email, link) = await ResetRequestedAsync();
        var query = QueryHelpers.ParseQuery(new Uri("http://localhost" + link).Query);
        var code = query["code"].ToString();
        var middle = code.Length / 2;
        var tamperedCode = code[..middle] + (code[middle] == 'A' ? 'B' : 'A') + code[(middle + 1)..];
        var tampered = $"/Account/SetPassword?userId={query["userId"]}&code={tamperedCode}";

        var response = await SetAsync(factory.CreateBrowserLikeClient(), tampered, NewPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).Errors().ShouldBe([InvalidLink]);
        (await CanSignInAsync(email, NewPassword)).ShouldBeFalse();
        (await CanSignInAsync(email, Accounts.Password)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("/Account/SetPassword")]
    [InlineData("/Account/SetPassword?userId=gibt-es-nicht&code=YWJj")]
    [InlineData("/Account/SetPassword?userId=gibt-es-nicht&code=%%%")]
    public async Task A_link_without_a_known_account_or_readable_code_is_refused(string link)
    {
        var response = await SetAsync(factory.CreateBrowserLikeClient(), link, NewPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).Errors().ShouldBe([InvalidLink]);
    }

    [Fact]
    public async Task The_link_works_only_once()
    {
        var (email, link) = await ResetRequestedAsync();
        (await SetAsync(factory.CreateBrowserLikeClient(), link, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var second = await SetAsync(factory.CreateBrowserLikeClient(), link, "Noch-ein-anderes-Passwort");

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.ReadHtmlAsync()).Errors().ShouldBe([InvalidLink]);
        (await CanSignInAsync(email, NewPassword)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_too_short_password_keeps_the_form_with_a_German_message()
    {
        var (email, link) = await ResetRequestedAsync();
        var client = factory.CreateBrowserLikeClient();
        var original = await client.GetPageAsync(link);

        var response = await SetAsync(client, link, "elf-Zeichen");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.Errors().ShouldBe(["„Neues Passwort“ muss mindestens 12 Zeichen lang sein; eingegeben sind 11."]);
        page.ValueOf("Input.UserId").ShouldBe(original.ValueOf("Input.UserId"));
        page.ValueOf("Input.Code").ShouldBe(original.ValueOf("Input.Code"));
        (await CanSignInAsync(email, Accounts.Password)).ShouldBeTrue("the password is unchanged");

        var retry = await SetAsync(client, link, NewPassword);
        retry.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the link still works after the refused attempt");
    }

    [Fact]
    public async Task Passwords_that_differ_keep_the_form_with_a_German_message()
    {
        var (email, link) = await ResetRequestedAsync();

        var response = await SetAsync(factory.CreateBrowserLikeClient(), link, NewPassword, NewPassword + "!");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).Errors().ShouldBe(["Die beiden Passwörter stimmen nicht überein."]);
        (await CanSignInAsync(email, NewPassword)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_new_password_also_ends_a_lockout_count_so_the_person_can_sign_in()
    {
        var (email, link) = await ResetRequestedAsync();
        for (var attempt = 1; attempt <= 3; attempt++)
            (await CanSignInAsync(email, $"falsch-{attempt}-falsch")).ShouldBeFalse();

        (await SetAsync(factory.CreateBrowserLikeClient(), link, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        for (var attempt = 1; attempt <= 4; attempt++)
            (await CanSignInAsync(email, $"wieder-{attempt}-falsch")).ShouldBeFalse();
        (await CanSignInAsync(email, NewPassword)).ShouldBeTrue("four wrong attempts after the reset do not lock the account");
    }
}
