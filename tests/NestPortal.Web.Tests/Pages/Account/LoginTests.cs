using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Account;

public sealed class LoginTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string WrongCredentials = "E-Mail-Adresse oder Passwort ist falsch.";

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, string url = "/Account/Login") =>
        client.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    private static bool SetsAuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("nest.auth=", StringComparison.Ordinal));

    [Fact]
    public async Task Right_password_signs_in_and_sets_the_cookie()
    {
        var email = await factory.CreateUserAsync(Roles.Mentor);
        var client = factory.CreateBrowserLikeClient();

        var response = await SignInAsync(client, email, Accounts.Password);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe("/");
        SetsAuthCookie(response).ShouldBeTrue();
        (await client.GetAsync("/Groups")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Wrong_password_shows_a_German_error_keeps_the_address_and_sets_no_cookie()
    {
        var email = await factory.CreateUserAsync(Roles.Mentor);
        var client = factory.CreateBrowserLikeClient();

        var response = await SignInAsync(client, email, "ganz-falsches-Passwort");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        SetsAuthCookie(response).ShouldBeFalse();
        var page = await response.ReadHtmlAsync();
        page.Errors().ShouldBe([WrongCredentials]);
        page.ValueOf("Input.Email").ShouldBe(email);
        page.ValueOf("Input.Password").ShouldBeNullOrEmpty();
        (await client.GetAsync("/Groups")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "still signed out");
    }

    [Fact]
    public async Task Unknown_address_gets_the_same_message_as_a_wrong_password()
    {
        var response = await SignInAsync(factory.CreateBrowserLikeClient(), Accounts.NewEmail("unbekannt"), Accounts.Password);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        SetsAuthCookie(response).ShouldBeFalse();
        (await response.ReadHtmlAsync()).Errors().ShouldBe([WrongCredentials]);
    }

    [Fact]
    public async Task Empty_form_shows_German_messages()
    {
        var response = await SignInAsync(factory.CreateBrowserLikeClient(), "", "");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).Errors()
            .ShouldBe(["Bitte füllen Sie „E-Mail-Adresse“ aus.", "Bitte füllen Sie „Passwort“ aus."], ignoreOrder: true);
    }

    private static Task<HttpResponseMessage> SignInFromAsync(PortalFactory factory, string address, string email, string password) =>
        SignInAsync(factory.CreateClientFrom(address), email, password);

    [Fact]
    public async Task Ten_wrong_passwords_from_one_address_lock_that_address_only_and_the_owner_signs_in_from_another()
    {
        var email = await factory.CreateUserAsync(Roles.CompetenceCentre);
        const string attacker = "203.0.113.10";
        const string office = "198.51.100.20";

        for (var attempt = 1; attempt <= 10; attempt++)
        {
            var wrong = await SignInFromAsync(factory, attacker, email, $"falsches-Passwort-{attempt}");
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK, $"attempt {attempt}");
            (await wrong.ReadHtmlAsync()).Errors().ShouldBe([WrongCredentials], $"attempt {attempt}");
        }

        // The attacker's address is locked for this account, and is told nothing more than "wrong".
        var rightFromAttacker = await SignInFromAsync(factory, attacker, email, Accounts.Password);
        rightFromAttacker.StatusCode.ShouldBe(HttpStatusCode.OK);
        SetsAuthCookie(rightFromAttacker).ShouldBeFalse();
        (await rightFromAttacker.ReadHtmlAsync()).Errors().ShouldBe([WrongCredentials]);

        // The owner, elsewhere, is not locked out.
        var owner = factory.CreateClientFrom(office);
        var signedIn = await SignInAsync(owner, email, Accounts.Password);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        SetsAuthCookie(signedIn).ShouldBeTrue();

        var account = await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => new { u.LockoutEnd, u.AccessFailedCount }).SingleAsync());
        account.LockoutEnd.ShouldBeNull("wrong passwords no longer lock the account itself");
        account.AccessFailedCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_locked_known_account_and_an_unknown_address_get_the_same_page_with_the_same_work()
    {
        const string address = "203.0.113.11";
        var known = await factory.CreateUserAsync(Roles.Mentor);
        for (var attempt = 1; attempt <= 5; attempt++)
            (await SignInFromAsync(factory, address, known, $"falsches-Passwort-{attempt}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var unknown = Accounts.NewEmail("unbekannt");

        var hashesBefore = factory.PasswordHashes.Computed;
        var locked = await SignInFromAsync(factory, address, known, Accounts.Password);
        var hashesForLocked = factory.PasswordHashes.Computed - hashesBefore;
        var forUnknown = await SignInFromAsync(factory, address, unknown, Accounts.Password);
        var hashesForUnknown = factory.PasswordHashes.Computed - hashesBefore - hashesForLocked;

        locked.StatusCode.ShouldBe(forUnknown.StatusCode);
        locked.StatusCode.ShouldBe(HttpStatusCode.OK);
        var lockedPage = await locked.ReadHtmlAsync();
        var unknownPage = await forUnknown.ReadHtmlAsync();
        lockedPage.Errors().ShouldBe([WrongCredentials]);
        unknownPage.Errors().ShouldBe(lockedPage.Errors());
        unknownPage.MainText().Replace(unknown, "…").ShouldBe(lockedPage.MainText().Replace(known, "…"));
        hashesForLocked.ShouldBe(1);
        hashesForUnknown.ShouldBe(hashesForLocked);
    }

    [Theory]
    [InlineData("http://evil.example/")]
    [InlineData("https://evil.example/Account/Login")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task A_return_address_on_another_host_is_not_followed(string returnUrl)
    {
        var email = await factory.CreateUserAsync(Roles.Mentor);
        var client = factory.CreateBrowserLikeClient();
        var loginUrl = $"/Account/Login?returnUrl={Uri.EscapeDataString(returnUrl)}";
        (await client.GetPageAsync(loginUrl)).ValueOf("ReturnUrl").ShouldBe(returnUrl);

        var response = await SignInAsync(client, email, Accounts.Password, loginUrl);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe("/");
        response.Headers.Location!.IsAbsoluteUri.ShouldBeFalse();
    }

    [Fact]
    public async Task A_local_return_address_is_followed()
    {
        var email = await factory.CreateUserAsync(Roles.Mentor);
        var client = factory.CreateBrowserLikeClient();

        var response = await SignInAsync(client, email, Accounts.Password, "/Account/Login?returnUrl=%2FGroups%2FCreate");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe("/Groups/Create");
    }

    [Fact]
    public async Task A_page_that_needs_a_sign_in_sends_to_the_login_and_back()
    {
        var client = factory.CreateBrowserLikeClient();

        var response = await client.GetAsync("/Groups");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var login = Accounts.LocalPath(response.Location());
        login.ShouldBe("/Account/Login?ReturnUrl=%2FGroups");
        var page = await client.GetPageAsync(login);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Anmelden");
        page.ValueOf("ReturnUrl").ShouldBe("/Groups");
    }
}
