using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

using static NestPortal.Web.Tests.Pages.Account.TwoFactorSteps;

namespace NestPortal.Web.Tests.Pages.Account;

public sealed class LoginWith2faTests(StrictTwoFactorFactory factory) : IClassFixture<StrictTwoFactorFactory>
{
    [Fact]
    public async Task A_code_that_was_used_once_is_refused_at_the_next_sign_in()
    {
        var email = await factory.CreateUserAsync(Roles.CompetenceCentre);
        var client = await factory.SignedInAsync(email, Accounts.Password);
        var enrolment = await SentToEnrolAsync(client, "/Review");
        var key = SharedKey(await client.GetPageAsync(enrolment));
        var code = CurrentCode(key);
        (await PostCodeAsync(client, enrolment, code)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var again = factory.CreateBrowserLikeClient();
        var login = await again.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Accounts.Password });
        var secondFactor = login.Location();
        var replayed = await PostCodeAsync(again, secondFactor, code);

        replayed.StatusCode.ShouldBe(HttpStatusCode.OK, "a code seen before must not sign anyone in");
        (await replayed.ReadHtmlAsync()).Errors().ShouldBe([WrongCode]);
        (await again.GetAsync("/Review")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Wrong_codes_from_one_address_lock_that_address_only_and_the_owner_signs_in_from_another()
    {
        var email = await factory.CreateUserAsync(Roles.CompetenceCentre);
        var enrolling = await factory.SignedInAsync(email, Accounts.Password);
        var enrolment = await SentToEnrolAsync(enrolling, "/Review");
        var key = SharedKey(await enrolling.GetPageAsync(enrolment));
        (await PostCodeAsync(enrolling, enrolment, CurrentCode(key))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var attacker = factory.CreateClientFrom("203.0.113.70");
        var secondFactor = (await attacker.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Accounts.Password })).Location();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await PostCodeAsync(attacker, secondFactor, NotTheCode(key));
            (await wrong.ReadHtmlAsync()).Errors().ShouldBe([WrongCode], $"attempt {attempt}");
        }

        // The next valid code, from the locked address: refused like a wrong one, and not used up.
        var code = NextCode(key);
        var fromAttacker = await PostCodeAsync(attacker, secondFactor, code);
        fromAttacker.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await fromAttacker.ReadHtmlAsync()).Errors().ShouldBe([WrongCode]);

        var owner = factory.CreateClientFrom("198.51.100.70");
        var ownerSecondFactor = (await owner.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Accounts.Password })).Location();
        var signedIn = await PostCodeAsync(owner, ownerSecondFactor, code);

        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await owner.GetAsync("/Review")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync())).ShouldBeNull();
    }

    [Fact]
    public async Task The_second_factor_pages_send_back_to_the_login_without_a_password_first()
    {
        var client = factory.CreateBrowserLikeClient();

        var response = await client.GetAsync("/Account/LoginWith2fa");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe("/Account/Login");
    }
}
