using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Account;

public sealed class RegisterTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string ConfirmationHeading = "Bitte bestätigen Sie Ihre E-Mail-Adresse";

    private Task<HttpResponseMessage> RegisterAsync(HttpClient client, string name, string email,
        string password = Accounts.Password, string? confirmPassword = null) =>
        client.PostFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = name,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirmPassword ?? password,
        });

    private Task<int> UserCountAsync() => factory.QueryAsync(db => db.Users.CountAsync());

    [Fact]
    public async Task Someone_registering_in_English_gets_a_multipart_confirmation_in_English_and_keeps_English_as_their_language()
    {
        var email = Accounts.NewEmail("english");
        var client = factory.CreateBrowserLikeClient();
        (await client.PostLayoutFormAsync("/Account/Register", "/Culture", new Dictionary<string, string> { ["culture"] = "en" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await RegisterAsync(client, "Emma English", email)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PreferredCulture).SingleAsync())).ShouldBe("en");
        var mail = factory.MailsTo(email).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("Please confirm your email address");
        mail.TextBody!.ShouldStartWith("Hello,\n\nPlease confirm your email address for NestPortal with the following link.");
        mail.TextBody!.ShouldContain("Confirm email address:\nhttp://localhost/Account/ConfirmEmail?userId=");
        mail.TextBody!.ShouldNotContain("<");
        mail.HtmlBody!.ShouldContain(">Confirm email address</a>");
        mail.TextBody!.ShouldNotContain("Emma English", Case.Insensitive, "no name typed by anyone in the mail");
    }

    [Fact]
    public async Task After_the_programme_end_the_page_says_no_new_groups_and_registering_still_works()
    {
        await factory.WhileProgrammeEndedAsync(async () =>
        {
            var client = factory.CreateBrowserLikeClient();
            var page = await client.GetPageAsync("/Account/Register");
            var notice = page.QuerySelector("[data-fact='programme-ended']")!.TextContent;
            notice.ShouldContain($"Das Programm NesT endete am {TestProgrammeEnd.LastDay.German()} und nimmt keine neuen Mentorengruppen mehr auf.");
            notice.ShouldContain("Ein Konto brauchen Sie nur noch als Mitglied einer bestehenden Gruppe.");

            var response = await RegisterAsync(client, "Mira Mitglied", Accounts.NewEmail("nach-ende"));

            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "a member of an existing group still needs an account");
        });
    }

    [Fact]
    public async Task The_form_points_to_the_privacy_notice_beside_the_button_without_asking_for_consent()
    {
        var page = await factory.CreateBrowserLikeClient().GetPageAsync("/Account/Register");

        var notice = page.QuerySelector("main form [data-fact='privacy-notice']")!;
        notice.TextContent.ShouldContain("Mit der Registrierung verarbeiten wir Ihre Angaben so, wie es die Datenschutzerklärung beschreibt.");
        notice.QuerySelector("a[href='/Datenschutz']")!.TextContent.ShouldBe("Datenschutzerklärung lesen");
        notice.NextElementSibling!.TagName.ShouldBe("BUTTON");
        page.QuerySelectorAll("main form input[type=checkbox]").ShouldBeEmpty("informing is no consent: there is nothing to tick");
    }

    [Fact]
    public async Task New_mentor_registers_confirms_the_address_and_signs_in_to_their_groups()
    {
        var client = factory.CreateBrowserLikeClient();
        var email = Accounts.NewEmail("neu");

        var response = await RegisterAsync(client, "Nora Neu", email);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe("/Account/RegisterConfirmation");
        var confirmation = await client.GetPageAsync(response.Location());
        confirmation.QuerySelector("h1")!.TextContent.ShouldBe(ConfirmationHeading);

        var mail = factory.MailsTo(email).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("Bitte bestätigen Sie Ihre E-Mail-Adresse");
        mail.HtmlBody.ShouldNotBeNull().ShouldNotContain("Nora Neu", customMessage: "the mail does not repeat what a stranger typed as a name");
        var link = factory.LinkInLatestMailTo(email);
        link.ShouldStartWith("/Account/ConfirmEmail?");

        var confirmed = await client.GetPageAsync(link);
        confirmed.QuerySelector("main [role=status]")!.TextContent
            .ShouldBe("Danke, Ihre E-Mail-Adresse ist bestätigt. Sie können sich jetzt anmelden.");

        var user = await factory.QueryAsync(db => db.Users.SingleAsync(u => u.Email == email));
        user.EmailConfirmed.ShouldBeTrue();
        user.DisplayName.ShouldBe("Nora Neu");
        var roles = await factory.QueryAsync(db => (from ur in db.UserRoles
                                                    join r in db.Roles on ur.RoleId equals r.Id
                                                    where ur.UserId == user.Id
                                                    select r.Name).ToListAsync());
        roles.ShouldBe([Roles.Mentor]);

        var mentor = await factory.SignedInAsync(email, Accounts.Password);
        var (path, landed) = await mentor.FollowRedirectsAsync(await mentor.GetAsync("/"));
        path.ShouldBe("/Groups");
        landed.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Signing_in_before_confirming_is_refused_with_a_hint_to_confirm()
    {
        var email = Accounts.NewEmail("unbestaetigt");
        (await RegisterAsync(factory.CreateBrowserLikeClient(), "Udo Unbestätigt", email)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var client = factory.CreateBrowserLikeClient();
        var response = await client.PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Accounts.Password,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).Errors()
            .ShouldBe(["Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse über den Link in der Bestätigungsmail."]);
        (await client.GetAsync("/Groups")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "still signed out");
    }

    [Theory]
    [InlineData("empty fields")]
    [InlineData("name of 10,000 characters")]
    [InlineData("email without @")]
    [InlineData("password of 11 characters")]
    [InlineData("passwords differ")]
    public async Task Invalid_input_keeps_the_form_shows_a_German_message_and_saves_no_user(string problem)
    {
        var email = Accounts.NewEmail("ungueltig");
        var (name, typedEmail, password, confirm, expected) = problem switch
        {
            "empty fields" => ("", "", "", "", new[] { "Bitte füllen Sie „Ihr Name“ aus.", "Bitte füllen Sie „E-Mail-Adresse“ aus.", "Bitte füllen Sie „Passwort“ aus." }),
            "name of 10,000 characters" => (new string('N', 10_000), email, Accounts.Password, Accounts.Password,
                new[] { "„Ihr Name“ darf höchstens 200 Zeichen lang sein; eingegeben sind 10000." }),
            "email without @" => ("Erika Ohne", "erika.beispiel.invalid", Accounts.Password, Accounts.Password,
                new[] { "Bitte geben Sie bei „E-Mail-Adresse“ eine gültige E-Mail-Adresse an, z. B. name@beispiel.de." }),
            "password of 11 characters" => ("Kurt Kurz", email, "elf-Zeichen", "elf-Zeichen",
                new[] { "„Passwort“ muss mindestens 12 Zeichen lang sein; eingegeben sind 11." }),
            "passwords differ" => ("Paula Paar", email, Accounts.Password, Accounts.Password + "x",
                new[] { "Die beiden Passwörter stimmen nicht überein." }),
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };
        var usersBefore = await UserCountAsync();

        var response = await RegisterAsync(factory.CreateBrowserLikeClient(), name, typedEmail, password, confirm);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, problem);
        var page = await response.ReadHtmlAsync();
        page.Errors().ShouldBe(expected, ignoreOrder: true);
        page.ValueOf("Input.DisplayName").ShouldBe(name);
        page.ValueOf("Input.Email").ShouldBe(typedEmail);
        page.QuerySelector("html")!.GetAttribute("lang").ShouldBe("de");
        (await UserCountAsync()).ShouldBe(usersBefore);
        factory.MailsTo(email).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("same spelling")]
    [InlineData("upper case")]
    [InlineData("spaces around")]
    public async Task Registering_an_existing_address_looks_like_a_new_registration_and_creates_no_second_user(string variant)
    {
        var email = await factory.CreateUserAsync(Roles.Mentor);
        var typed = variant switch
        {
            "same spelling" => email,
            "upper case" => email.ToUpperInvariant(),
            "spaces around" => $"  {email} ",
            _ => throw new ArgumentOutOfRangeException(nameof(variant)),
        };
        var newcomer = Accounts.NewEmail("vergleich");
        var client = factory.CreateBrowserLikeClient();
        var forNewAddress = await RegisterAsync(client, "Vera Vergleich", newcomer);

        var forExisting = await RegisterAsync(client, "Ernst Erneut", typed);

        forExisting.StatusCode.ShouldBe(forNewAddress.StatusCode,
            $"answer for an existing account: {string.Join("; ", (await forExisting.ReadHtmlAsync()).Errors())}");
        forExisting.Location().ShouldBe(forNewAddress.Location());
        (await client.GetPageAsync(forExisting.Location())).QuerySelector("h1")!.TextContent.ShouldBe(ConfirmationHeading);
        var accounts = await factory.QueryAsync(db => db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).ToListAsync());
        accounts.ShouldHaveSingleItem().DisplayName.ShouldBe($"Test {Roles.Mentor}");
        var mail = factory.MailsTo(email).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("Ihr Konto bei NestPortal");
        mail.HtmlBody.ShouldNotBeNull().ShouldContain("Sie haben bereits ein Konto.");
    }

    [Fact]
    public async Task An_existing_and_a_new_address_get_the_same_response_after_the_same_work()
    {
        var existing = await factory.CreateUserAsync(Roles.Mentor);
        var newcomer = Accounts.NewEmail("gleich");

        var (forExisting, existingWork) = await MeasuredAsync(() => RegisterAsync(factory.CreateBrowserLikeClient(), "Gleiche Antwort", existing));
        var (forNew, newWork) = await MeasuredAsync(() => RegisterAsync(factory.CreateBrowserLikeClient(), "Gleiche Antwort", newcomer));

        forNew.StatusCode.ShouldBe(forExisting.StatusCode);
        forNew.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        forNew.Location().ShouldBe(forExisting.Location());
        (await forNew.Content.ReadAsStringAsync()).ShouldBe(await forExisting.Content.ReadAsStringAsync());
        newWork.ShouldBe(existingWork);
        existingWork.ShouldBe((1, 1), "one password hash and one queued mail, for either");
    }

    [Fact]
    public async Task The_mail_is_queued_in_the_outbox_not_sent_during_the_request()
    {
        var email = Accounts.NewEmail("outbox");

        (await RegisterAsync(factory.CreateBrowserLikeClient(), "Olga Outbox", email)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var queued = await factory.QueryAsync(db => db.OutgoingMails.AsNoTracking().Where(m => m.To == email).ToListAsync());
        queued.ShouldHaveSingleItem().Subject.ShouldBe("Bitte bestätigen Sie Ihre E-Mail-Adresse");
    }

    /// <summary>The response, and the password hashes and queued mails it cost.</summary>
    private async Task<(HttpResponseMessage Response, (int Hashes, int Mails) Work)> MeasuredAsync(Func<Task<HttpResponseMessage>> request)
    {
        var hashes = factory.PasswordHashes.Computed;
        var mails = await factory.QueryAsync(db => db.OutgoingMails.CountAsync());
        var response = await request();
        return (response, (factory.PasswordHashes.Computed - hashes, await factory.QueryAsync(db => db.OutgoingMails.CountAsync()) - mails));
    }

    [Fact]
    public async Task A_name_with_markup_is_stored_as_typed_but_shown_encoded()
    {
        const string name = "<script>alert(1)</script>";
        var email = Accounts.NewEmail("markup");
        var client = factory.CreateBrowserLikeClient();

        var refused = await RegisterAsync(client, name, email, "zu-kurz");
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        refusedHtml.ShouldNotContain(name);
        (await refused.ReadHtmlAsync()).ValueOf("Input.DisplayName").ShouldBe(name);

        (await RegisterAsync(client, name, email)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.QueryAsync(db => db.Users.SingleAsync(u => u.Email == email))).DisplayName.ShouldBe(name);
        var mail = factory.MailsTo(email).ShouldHaveSingleItem();
        // The mail carries no name at all, encoded or not.
        mail.HtmlBody.ShouldNotBeNull().ShouldNotContain(name);
        mail.HtmlBody.ShouldNotBeNull().ShouldNotContain("script");

        var admin = await factory.SignedInAsAsync(Roles.Administrator);
        var list = await admin.GetAsync($"/Admin/Users?search={Uri.EscapeDataString(email)}");
        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await list.Content.ReadAsStringAsync();
        html.ShouldNotContain(name);
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        (await list.ReadHtmlAsync()).QuerySelector("main table tbody td")!.TextContent.ShouldBe(name);
    }
}
