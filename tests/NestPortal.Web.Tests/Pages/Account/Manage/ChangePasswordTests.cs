using System.Net;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Account.Manage;

public sealed class ChangePasswordTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Url = "/Account/Manage/ChangePassword";
    private const string NewPassword = "Kastanie Leuchtturm Wollsocke";

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string next, string? confirm = null) =>
        client.PostFormAsync(Url, new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = confirm ?? next,
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
    public async Task The_account_page_links_it()
    {
        var client = await factory.SignedInAsync(await factory.CreateUserAsync(Roles.Mentor), Accounts.Password);

        var page = await client.GetPageAsync("/Account/Manage");

        page.QuerySelector($"main a[href='{Url}']")!.TextContent.ShouldBe("Passwort ändern");
    }

    [Fact]
    public async Task A_new_password_keeps_this_session_ends_the_others_and_works_at_the_next_sign_in()
    {
        var email = await factory.CreateUserAsync(Roles.Mentor);
        var client = await factory.SignedInAsync(email, Accounts.Password);
        var elsewhere = await factory.SignedInAsync(email, Accounts.Password);

        var response = await ChangeAsync(client, Accounts.Password, NewPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe("/Account/Manage");
        var account = await client.GetPageAsync("/Account/Manage");
        account.QuerySelector("main [role=status]")!.TextContent
            .ShouldBe("Ihr Passwort ist geändert. In anderen Browsern und auf anderen Geräten sind Sie abgemeldet.");
        (await client.GetAsync("/Groups")).StatusCode.ShouldBe(HttpStatusCode.OK, "this session goes on");
        await elsewhere.GetAsync("/Groups").ShouldRedirectToLoginAsync();
        (await CanSignInAsync(email, Accounts.Password)).ShouldBeFalse("the old password no longer works");
        (await CanSignInAsync(email, NewPassword)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_wrong_current_password_changes_nothing_and_says_so_in_German()
    {
        var email = await factory.CreateUserAsync(Roles.Mentor);
        var client = await factory.SignedInAsync(email, Accounts.Password);

        var response = await ChangeAsync(client, "nicht-das-richtige-Passwort", NewPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.Errors().ShouldBe(["Das bisherige Passwort stimmt nicht. Ihr Passwort ist nicht geändert."]);
        (await CanSignInAsync(email, NewPassword)).ShouldBeFalse();
        (await CanSignInAsync(email, Accounts.Password)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("123456789012")]
    [InlineData("passwort12345")]
    public async Task A_guessable_new_password_is_refused_with_advice(string weak)
    {
        var email = await factory.CreateUserAsync(Roles.Mentor);
        var client = await factory.SignedInAsync(email, Accounts.Password);

        var response = await ChangeAsync(client, Accounts.Password, weak);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).Errors().ShouldBe(
            ["Dieses Passwort ist zu leicht zu erraten. Nehmen Sie zum Beispiel drei oder vier zufällige Wörter mit Leerzeichen oder Bindestrichen."]);
        (await CanSignInAsync(email, Accounts.Password)).ShouldBeTrue("the password is unchanged");
    }

    [Fact]
    public async Task The_persons_own_name_in_the_new_password_is_refused_by_Identity()
    {
        var email = await factory.CreateUserAsync(Roles.Mentor);
        var client = await factory.SignedInAsync(email, Accounts.Password);
        var localPart = email.Split('@')[0];

        var response = await ChangeAsync(client, Accounts.Password, localPart);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).ShouldShowError("Dieses Passwort ist zu leicht zu erraten.");
        (await CanSignInAsync(email, Accounts.Password)).ShouldBeTrue();
    }

    [Fact]
    public async Task Differing_confirmation_keeps_the_form()
    {
        var email = await factory.CreateUserAsync(Roles.Mentor);
        var client = await factory.SignedInAsync(email, Accounts.Password);

        var response = await ChangeAsync(client, Accounts.Password, NewPassword, NewPassword + "!");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).Errors().ShouldBe(["Die beiden Passwörter stimmen nicht überein."]);
        (await CanSignInAsync(email, Accounts.Password)).ShouldBeTrue();
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login()
    {
        var client = factory.CreateBrowserLikeClient();

        await client.GetAsync(Url).ShouldRedirectToLoginAsync();
        await client.PostWithTokenAsync(Url, new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Accounts.Password,
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        }).ShouldRedirectToLoginAsync();
    }
}
