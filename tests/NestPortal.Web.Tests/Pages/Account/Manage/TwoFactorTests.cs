using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

using static NestPortal.Web.Tests.Pages.Account.TwoFactorSteps;

namespace NestPortal.Web.Tests.Pages.Account.Manage;

public sealed class TwoFactorTests(StrictTwoFactorFactory factory) : IClassFixture<StrictTwoFactorFactory>
{
    [Fact]
    public async Task Competence_centre_without_a_second_factor_is_sent_to_enrol_and_a_wrong_code_is_refused()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var enrolment = await SentToEnrolAsync(client, "/Review");

        enrolment.ShouldBe("/Account/Manage/TwoFactor?returnUrl=%2FReview");
        var page = await client.GetPageAsync(enrolment);
        page.QuerySelector("main .kern-alert--info")!.TextContent
            .ShouldBe("Für Ihre Rolle ist die Zwei-Faktor-Anmeldung Pflicht. Richten Sie sie ein, um fortzufahren.");
        var key = SharedKey(page);
        key.Length.ShouldBe(32);
        key.ShouldMatch("^[A-Z2-7]+$");
        page.QuerySelector("#shared-key")!.TextContent.Replace(" ", string.Empty).ToUpperInvariant().ShouldBe(key);
        var qr = page.QuerySelector("img.qr-code")!;
        qr.GetAttribute("src")!.ShouldStartWith("data:image/png;base64,");
        Convert.FromBase64String(qr.GetAttribute("src")!["data:image/png;base64,".Length..]).Take(4).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47 });
        qr.GetAttribute("alt").ShouldNotBeNullOrWhiteSpace();

        var wrong = await PostCodeAsync(client, enrolment, NotTheCode(key));

        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await wrong.ReadHtmlAsync();
        refused.Errors().ShouldBe([WrongCode]);
        SharedKey(refused).ShouldBe(key, "the same key stays on the page");
        refused.QuerySelector("ul.recovery-codes").ShouldBeNull();
        (await client.GetAsync("/Review")).Location().ShouldBe(enrolment);
        var enabled = await factory.QueryAsync(db => db.Users.Where(u => u.Email == DemoUsers.All[1].Email).Select(u => u.TwoFactorEnabled).SingleAsync());
        enabled.ShouldBeFalse();
    }

    [Fact]
    public async Task A_code_that_is_not_six_digits_is_refused_with_a_German_hint()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var enrolment = await SentToEnrolAsync(client, "/Review");

        var response = await PostCodeAsync(client, enrolment, "abc");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).Errors().ShouldBe(["Bitte geben Sie den sechsstelligen Code aus Ihrer Authenticator-App ein."]);
    }

    [Fact]
    public async Task The_right_code_shows_recovery_codes_opens_staff_pages_and_is_asked_at_every_later_sign_in()
    {
        var email = await factory.CreateUserAsync(Roles.CompetenceCentre);
        var client = await factory.SignedInAsync(email, Accounts.Password);
        var enrolment = await SentToEnrolAsync(client, "/Review");
        var key = SharedKey(await client.GetPageAsync(enrolment));

        var enrolled = await PostCodeAsync(client, enrolment, CurrentCode(key));

        enrolled.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await enrolled.ReadHtmlAsync();
        page.QuerySelector("main [role=status]")!.TextContent.ShouldBe("Die Zwei-Faktor-Anmeldung ist eingerichtet.");
        var codes = page.QuerySelectorAll("ul.recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        codes.Count.ShouldBe(10);
        codes.ShouldAllBe(c => c.Length >= 8);
        codes.Distinct().Count().ShouldBe(10);
        page.QuerySelector("main a.kern-btn--primary")!.GetAttribute("href").ShouldBe("/Review");
        (await client.GetAsync("/Review")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync())).ShouldBeTrue();

        await client.SignOutAsync();
        (await client.GetAsync("/Review")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Accounts.LocalPath((await client.GetAsync("/Review")).Location()).ShouldStartWith("/Account/Login");

        var (again, secondFactor) = await factory.PasswordAcceptedAsync(email);
        secondFactor.ShouldBe("/Account/LoginWith2fa?ReturnUrl=%2FReview");
        (await again.GetAsync("/Review")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the password alone does not sign in");

        var wrong = await PostCodeAsync(again, secondFactor, NotTheCode(key));
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await wrong.ReadHtmlAsync()).Errors().ShouldBe([WrongCode]);
        (await again.GetAsync("/Review")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // Each code works once: the enrolment used this time step's code, so the app's next one is typed.
        var right = await PostCodeAsync(again, secondFactor, NextCode(key));
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        right.Location().ShouldBe("/Review");
        (await again.GetAsync("/Review")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var manage = await again.GetPageAsync(EnrolmentPage);
        manage.QuerySelector("main")!.TextContent.ShouldContain("Die Zwei-Faktor-Anmeldung ist für Ihr Konto aktiv.");
        manage.QuerySelector("#shared-key").ShouldBeNull("the key is not shown again");
    }

    [Theory]
    [InlineData(Roles.Municipality, "/MyMunicipality")]
    [InlineData(Roles.Administrator, "/Admin/Users")]
    [InlineData(Roles.CompetenceCentre, "/Review")]
    public async Task Staff_demo_users_are_sent_to_enrol_before_their_pages(string role, string staffPage)
    {
        var client = await factory.SignedInAsAsync(role);

        var enrolment = await SentToEnrolAsync(client, staffPage);

        (await client.GetPageAsync(enrolment)).QuerySelector("#shared-key").ShouldNotBeNull();
        var (path, _) = await client.FollowRedirectsAsync(await client.GetAsync("/"));
        path.ShouldStartWith(EnrolmentPage);
    }

    [Fact]
    public async Task A_mentor_is_never_asked_to_enrol()
    {
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var (path, response) = await client.FollowRedirectsAsync(await client.GetAsync("/"));

        path.ShouldBe("/Groups");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/Groups")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var manage = await client.GetPageAsync(EnrolmentPage);
        manage.QuerySelector("main .kern-alert--info").ShouldBeNull("enrolment is optional for mentors");
    }
}
