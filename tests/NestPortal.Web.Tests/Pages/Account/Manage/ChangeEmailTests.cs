using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data.Operations;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Account.Manage;

public sealed class ChangeEmailTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Url = "/Account/Manage/ChangeEmail";

    internal static Task<HttpResponseMessage> AskAsync(HttpClient client, string newEmail, string password = Accounts.Password) =>
        client.PostFormAsync(Url, new Dictionary<string, string>
        {
            ["Input.NewEmail"] = newEmail,
            ["Input.CurrentPassword"] = password,
        });

    private Task<List<OutgoingMail>> QueuedToAsync(string address) =>
        factory.QueryAsync(db => db.OutgoingMails.AsNoTracking().Where(m => m.To == address).OrderBy(m => m.Id).ToListAsync());

    private Task<string?> EmailOfAsync(string email) =>
        factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Email).SingleOrDefaultAsync());

    [Fact]
    public async Task Asking_mails_a_link_to_the_new_address_and_a_notice_to_the_old_one_and_changes_nothing_yet()
    {
        var email = await factory.CreateUserAsync(Roles.Mentor);
        var client = await factory.SignedInAsync(email, Accounts.Password);
        var account = await client.GetPageAsync("/Account/Manage");
        account.QuerySelector($"main a[href='{Url}']")!.TextContent.ShouldBe("E-Mail-Adresse ändern");
        var newEmail = Accounts.NewEmail("neu");

        var response = await AskAsync(client, newEmail);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetPageAsync("/Account/Manage")).QuerySelector("main [role=status]")!.TextContent
            .ShouldBe($"Wir haben einen Link an {newEmail} geschickt. Ihre Adresse ändert sich erst, wenn Sie ihn öffnen.");
        var link = (await QueuedToAsync(newEmail)).ShouldHaveSingleItem();
        link.Subject.ShouldBe("Neue E-Mail-Adresse für NestPortal bestätigen");
        link.HtmlBody.ShouldContain("/Account/ConfirmEmailChange?");
        var notice = (await QueuedToAsync(email)).ShouldHaveSingleItem();
        notice.Subject.ShouldBe("Änderung Ihrer E-Mail-Adresse bei NestPortal");
        notice.HtmlBody.ShouldContain(newEmail);
        (await EmailOfAsync(email)).ShouldBe(email, "the address changes only when the link is opened");
    }

    [Fact]
    public async Task An_address_in_use_gets_the_same_answer_and_its_owner_a_notice_instead_of_a_link()
    {
        var email = await factory.CreateUserAsync(Roles.Mentor);
        var taken = await factory.CreateUserAsync(Roles.Mentor);
        var client = await factory.SignedInAsync(email, Accounts.Password);

        var response = await AskAsync(client, taken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetPageAsync("/Account/Manage")).QuerySelector("main [role=status]")!.TextContent
            .ShouldBe($"Wir haben einen Link an {taken} geschickt. Ihre Adresse ändert sich erst, wenn Sie ihn öffnen.");
        var mail = (await QueuedToAsync(taken)).ShouldHaveSingleItem();
        mail.HtmlBody.ShouldNotContain("ConfirmEmailChange");
        (await EmailOfAsync(email)).ShouldBe(email);
    }

    [Fact]
    public async Task A_wrong_password_keeps_the_form_and_sends_nothing()
    {
        var email = await factory.CreateUserAsync(Roles.Mentor);
        var client = await factory.SignedInAsync(email, Accounts.Password);
        var newEmail = Accounts.NewEmail("falsch");

        var response = await AskAsync(client, newEmail, "nicht-das-richtige-Passwort");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.Errors().ShouldBe(["Das Passwort stimmt nicht. Ihre E-Mail-Adresse ist nicht geändert."]);
        page.ValueOf("Input.NewEmail").ShouldBe(newEmail);
        (await QueuedToAsync(newEmail)).ShouldBeEmpty();
        (await QueuedToAsync(email)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_invalid_address_keeps_the_form_with_a_German_message()
    {
        var client = await factory.SignedInAsync(await factory.CreateUserAsync(Roles.Mentor), Accounts.Password);

        var response = await AskAsync(client, "keine-adresse");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).Errors()
            .ShouldBe(["Bitte geben Sie bei „Neue E-Mail-Adresse“ eine gültige E-Mail-Adresse an, z. B. name@beispiel.de."]);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login()
    {
        var client = factory.CreateBrowserLikeClient();

        await client.GetAsync(Url).ShouldRedirectToLoginAsync();
        await client.PostWithTokenAsync(Url, new Dictionary<string, string>
        {
            ["Input.NewEmail"] = Accounts.NewEmail(),
            ["Input.CurrentPassword"] = Accounts.Password,
        }).ShouldRedirectToLoginAsync();
    }
}
