using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Account;

public sealed class ForgotPasswordTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Sent = "Wenn es zu dieser Adresse ein Konto gibt, haben wir einen Link geschickt, mit dem Sie ein neues Passwort festlegen können.";

    private static Task<HttpResponseMessage> RequestLinkAsync(HttpClient client, string email) =>
        client.PostFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = email });

    [Fact]
    public async Task An_existing_account_gets_a_mail_with_a_link_to_set_a_new_password()
    {
        var email = await factory.CreateUserAsync(Roles.Mentor);

        var response = await RequestLinkAsync(factory.CreateBrowserLikeClient(), email);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.QuerySelector("main [role=status]")!.TextContent.ShouldBe(Sent);
        page.QuerySelector("main form").ShouldBeNull();
        var mail = factory.MailsTo(email).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("Neues Passwort für NestPortal");
        factory.LinkInLatestMailTo(email).ShouldStartWith("/Account/SetPassword?userId=");
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_a_mail_that_says_there_is_no_account()
    {
        var email = Accounts.NewEmail("niemand");

        var response = await RequestLinkAsync(factory.CreateBrowserLikeClient(), email);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).QuerySelector("main [role=status]")!.TextContent.ShouldBe(Sent);
        var mail = factory.MailsTo(email).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("Kein Konto bei NestPortal");
        mail.HtmlBody.ShouldNotBeNull().ShouldNotContain("href", Case.Sensitive, "no link for an address without an account");
    }

    [Fact]
    public async Task An_existing_and_an_unknown_address_get_the_same_response_after_the_same_work()
    {
        var existing = await factory.CreateUserAsync(Roles.Mentor);
        var unknown = Accounts.NewEmail("niemand");
        var client = factory.CreateBrowserLikeClient();

        var (forExisting, existingWork) = await MeasuredAsync(() => RequestLinkAsync(client, existing));
        var (forUnknown, unknownWork) = await MeasuredAsync(() => RequestLinkAsync(client, unknown));

        forUnknown.StatusCode.ShouldBe(forExisting.StatusCode);
        forUnknown.Headers.Location.ShouldBe(forExisting.Headers.Location);
        (await AnswerAsync(forUnknown, unknown)).ShouldBe(await AnswerAsync(forExisting, existing));
        unknownWork.ShouldBe(existingWork);
        existingWork.ShouldBe((0, 1), "no password hash, one mail queued, for either");
    }

    /// <summary>The response, and the password hashes and queued mails it cost.</summary>
    private async Task<(HttpResponseMessage Response, (int Hashes, int Mails) Work)> MeasuredAsync(Func<Task<HttpResponseMessage>> request)
    {
        var hashes = factory.PasswordHashes.Computed;
        var mails = await factory.QueryAsync(db => db.OutgoingMails.CountAsync());
        var response = await request();
        return (response, (factory.PasswordHashes.Computed - hashes, await factory.QueryAsync(db => db.OutgoingMails.CountAsync()) - mails));
    }

    /// <summary>The page's HTML without what differs by design: the antiforgery token and the typed address.</summary>
    private static async Task<string> AnswerAsync(HttpResponseMessage response, string typed) =>
        System.Text.RegularExpressions.Regex.Replace(await response.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\"[^>]*", "")
            .Replace(typed, "…", StringComparison.OrdinalIgnoreCase);

    [Fact]
    public async Task An_address_in_other_letter_case_still_gets_the_mail()
    {
        var email = await factory.CreateUserAsync(Roles.Mentor);

        var response = await RequestLinkAsync(factory.CreateBrowserLikeClient(), email.ToUpperInvariant());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        factory.MailsTo(email).ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("", "Bitte füllen Sie „E-Mail-Adresse“ aus.")]
    [InlineData("keine-adresse", "Bitte geben Sie bei „E-Mail-Adresse“ eine gültige E-Mail-Adresse an, z. B. name@beispiel.de.")]
    public async Task An_invalid_address_keeps_the_form_with_a_German_message(string typed, string message)
    {
        var response = await RequestLinkAsync(factory.CreateBrowserLikeClient(), typed);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.Errors().ShouldBe([message]);
        page.ValueOf("Input.Email").ShouldBe(typed);
        page.QuerySelector("main [role=status]").ShouldBeNull();
    }
}
