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
    public async Task The_second_factor_pages_send_back_to_the_login_without_a_password_first()
    {
        var client = factory.CreateBrowserLikeClient();

        var response = await client.GetAsync("/Account/LoginWith2fa");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe("/Account/Login");
    }
}
