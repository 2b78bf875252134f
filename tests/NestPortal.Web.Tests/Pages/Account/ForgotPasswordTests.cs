using System.Net;
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
    public async Task An_unknown_address_gets_the_same_answer_and_no_mail()
    {
        var email = Accounts.NewEmail("niemand");

        var response = await RequestLinkAsync(factory.CreateBrowserLikeClient(), email);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).QuerySelector("main [role=status]")!.TextContent.ShouldBe(Sent);
        factory.MailsTo(email).ShouldBeEmpty();
    }

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
