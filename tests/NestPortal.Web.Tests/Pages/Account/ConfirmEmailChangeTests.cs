using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.Pages.Account.Manage;

namespace NestPortal.Web.Tests.Pages.Account;

public sealed partial class ConfirmEmailChangeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Invalid = "Der Link ist ungültig oder abgelaufen. Bitte fordern Sie einen neuen an.";

    /// <summary>A signed-in mentor who asked for a new address; the link from the queued mail.</summary>
    private async Task<(string Email, string NewEmail, HttpClient Client, string Link)> AskedAsync()
    {
        var email = await factory.CreateUserAsync(Roles.Mentor);
        var client = await factory.SignedInAsync(email, Accounts.Password);
        var newEmail = Accounts.NewEmail("neu");
        (await ChangeEmailTests.AskAsync(client, newEmail)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var body = await factory.QueryAsync(db => db.OutgoingMails.Where(m => m.To == newEmail).Select(m => m.HtmlBody).SingleAsync());
        var link = new Uri(System.Net.WebUtility.HtmlDecode(Href().Match(body).Groups[1].Value)).PathAndQuery;
        return (email, newEmail, client, link);
    }

    private async Task<bool> CanSignInAsync(string email)
    {
        var response = await factory.CreateBrowserLikeClient().PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Accounts.Password,
        });
        return response.StatusCode == HttpStatusCode.Redirect;
    }

    [Fact]
    public async Task The_link_changes_address_and_sign_in_name_ends_every_session_and_works_once()
    {
        var (email, newEmail, client, link) = await AskedAsync();
        var page = await factory.CreateBrowserLikeClient().GetPageAsync(link);
        page.MainText().ShouldContain($"Mit dieser Adresse melden Sie sich künftig an: {newEmail}");

        var response = await factory.CreateBrowserLikeClient().PostFormAsync(link, new Dictionary<string, string>());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe("/Account/Login");
        await client.GetAsync("/Groups").ShouldRedirectToLoginAsync();
        (await CanSignInAsync(email)).ShouldBeFalse("the old address no longer signs in");
        (await CanSignInAsync(newEmail)).ShouldBeTrue();
        (await factory.QueryAsync(db => db.Users.Where(u => u.Email == newEmail).Select(u => u.UserName).SingleAsync())).ShouldBe(newEmail);

        var again = await factory.CreateBrowserLikeClient().PostFormAsync(link, new Dictionary<string, string>());
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.ReadHtmlAsync()).MainText().ShouldContain(Invalid);
    }

    /// <summary>A mentor reaches groups through their address on the member list; a new address must not cut them off.</summary>
    [Fact]
    public async Task The_member_records_of_the_old_address_follow_so_the_mentor_keeps_the_group()
    {
        var (email, newEmail, _, link) = await AskedAsync();
        var groupId = await factory.CreateGroupAsync("someone-else", $"Gruppe mit Adresswechsel {Guid.NewGuid():N}"[..36], memberEmails: ["erste@beispiel.invalid", email]);

        (await factory.CreateBrowserLikeClient().PostFormAsync(link, new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var group = await factory.LoadGroupAsync(groupId);
        group.Members.Select(m => m.Email).ShouldContain(newEmail.ToLowerInvariant());
        group.Members.Select(m => m.Email).ShouldContain("erste@beispiel.invalid");
        group.Members.ShouldNotContain(m => m.Email == email.ToLowerInvariant());
        var client = await factory.SignedInAsync(newEmail, Accounts.Password);
        (await client.GetAsync($"/Groups/Details/{groupId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Opening_the_link_alone_changes_nothing()
    {
        var (email, _, client, link) = await AskedAsync();

        await factory.CreateBrowserLikeClient().GetPageAsync(link);

        (await client.GetAsync("/Groups")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CanSignInAsync(email)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_tampered_link_changes_nothing()
    {
        var (email, newEmail, _, link) = await AskedAsync();
        var tampered = link.Replace(newEmail, Accounts.NewEmail("fremd"), StringComparison.Ordinal);
        tampered.ShouldNotBe(link);

        var response = await factory.CreateBrowserLikeClient().PostFormAsync(tampered, new Dictionary<string, string>());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).MainText().ShouldContain(Invalid);
        (await CanSignInAsync(email)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_link_without_its_parts_says_it_is_invalid()
    {
        var page = await factory.CreateBrowserLikeClient().GetPageAsync("/Account/ConfirmEmailChange");

        page.MainText().ShouldContain(Invalid);
        page.QuerySelector("main form").ShouldBeNull();
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
