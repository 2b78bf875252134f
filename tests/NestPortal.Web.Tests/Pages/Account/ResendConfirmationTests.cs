using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Account;

/// <summary>/Account/ResendConfirmation: the same answer for every address, the mail says which case it was (anyone may open it: the access table).</summary>
public sealed class ResendConfirmationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Page = "/Account/ResendConfirmation";
    private const string Sent = "Wir haben eine E-Mail an diese Adresse geschickt. Wartet dort ein Konto auf die Bestätigung, enthält sie einen neuen Bestätigungslink.";

    private static Task<HttpResponseMessage> ResendAsync(HttpClient client, string email) =>
        client.PostFormAsync(Page, new Dictionary<string, string> { ["Input.Email"] = email });

    private async Task<string> RegisteredButUnconfirmedAsync()
    {
        var email = Accounts.NewEmail("unbestaetigt");
        var registered = await factory.CreateBrowserLikeClient().PostFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Ute Unbestätigt", ["Input.Email"] = email,
            ["Input.Password"] = Accounts.Password, ["Input.ConfirmPassword"] = Accounts.Password,
        });
        registered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return email;
    }

    [Fact]
    public async Task The_login_page_links_here()
    {
        var login = await factory.CreateBrowserLikeClient().GetPageAsync("/Account/Login");

        login.QuerySelector($"main a[href='{Page}']")!.TextContent.ShouldBe("Bestätigungsmail erneut senden");
    }

    [Fact]
    public async Task An_unconfirmed_account_gets_a_new_link_that_confirms_the_address()
    {
        var email = await RegisteredButUnconfirmedAsync();
        var client = factory.CreateBrowserLikeClient();

        var response = await ResendAsync(client, email.ToUpperInvariant());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.QuerySelector("main [role=status]")!.TextContent.ShouldBe(Sent);
        page.QuerySelector("main form").ShouldBeNull();
        var mails = factory.MailsTo(email);
        mails.Count.ShouldBe(2, "the first mail and the one sent again");
        mails[^1].Subject.ShouldBe("Bitte bestätigen Sie Ihre E-Mail-Adresse");
        var confirmed = await client.GetPageAsync(factory.LinkInLatestMailTo(email));
        confirmed.QuerySelector("main [role=status]")!.TextContent.ShouldBe("Danke, Ihre E-Mail-Adresse ist bestätigt. Sie können sich jetzt anmelden.");
        (await factory.QueryAsync(db => db.Users.SingleAsync(u => u.Email == email))).EmailConfirmed.ShouldBeTrue();
    }

    [Theory]
    [InlineData("confirmed", "Ihr Konto bei NestPortal")]
    [InlineData("unknown", "Kein Konto bei NestPortal")]
    public async Task Every_other_address_gets_the_same_answer_and_a_mail_without_a_link(string kind, string subject)
    {
        var email = kind == "confirmed" ? await factory.CreateUserAsync(Roles.Mentor) : Accounts.NewEmail("niemand");

        var response = await ResendAsync(factory.CreateBrowserLikeClient(), email);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).QuerySelector("main [role=status]")!.TextContent.ShouldBe(Sent);
        var mail = factory.MailsTo(email).ShouldHaveSingleItem();
        mail.Subject.ShouldBe(subject);
        mail.HtmlBody.ShouldNotBeNull().ShouldNotContain("href");
    }

    [Theory]
    [InlineData("", "Bitte füllen Sie „E-Mail-Adresse“ aus.")]
    [InlineData("keine-adresse", "Bitte geben Sie bei „E-Mail-Adresse“ eine gültige E-Mail-Adresse an, z. B. name@beispiel.de.")]
    public async Task An_invalid_address_keeps_the_form_with_a_German_message_and_queues_nothing(string typed, string message)
    {
        var mailsBefore = await factory.QueryAsync(db => db.OutgoingMails.CountAsync());

        var response = await ResendAsync(factory.CreateBrowserLikeClient(), typed);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.Errors().ShouldBe([message]);
        page.ValueOf("Input.Email").ShouldBe(typed);
        page.QuerySelector("main [role=status]").ShouldBeNull();
        (await factory.QueryAsync(db => db.OutgoingMails.CountAsync())).ShouldBe(mailsBefore);
    }
}
