using System.Net;
using System.Reflection;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.Infrastructure.RateLimits;
using NestPortal.Web.Pages.Account;

namespace NestPortal.Web.Tests.Infrastructure.RateLimits;

/// <summary>
/// The limits on the account forms with the portal's defaults (docs/adr/0018-lockout-per-account-and-address.md):
/// 10 sign-ins per address and per account a minute, 5 mail forms per address in 10 minutes. Each test
/// uses addresses and accounts of its own, so the tests' windows do not meet.
/// </summary>
public sealed class RateLimitTests(RateLimitedPortalFactory factory) : IClassFixture<RateLimitedPortalFactory>
{
    private const string WrongCredentials = "E-Mail-Adresse oder Passwort ist falsch.";

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = "falsches-Passwort") =>
        client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>When the page says to try again: the Retry-After instant in German time, rounded up to the minute.</summary>
    private string RetryFrom(HttpResponseMessage refused)
    {
        var seconds = (int)refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        var at = Clock.InGermany(factory.Clock.GetUtcNow().UtcDateTime.AddSeconds(seconds));
        return new DateTime(at.Ticks + TimeSpan.TicksPerMinute - 1 - (at.Ticks + TimeSpan.TicksPerMinute - 1) % TimeSpan.TicksPerMinute).ToString("HH:mm");
    }

    [Theory]
    [InlineData(typeof(LoginModel), RateLimitedForm.SignIn)]
    [InlineData(typeof(LoginWith2faModel), RateLimitedForm.SecondFactor)]
    [InlineData(typeof(LoginWithRecoveryCodeModel), RateLimitedForm.SecondFactor)]
    [InlineData(typeof(RegisterModel), RateLimitedForm.Mail)]
    [InlineData(typeof(ForgotPasswordModel), RateLimitedForm.Mail)]
    [InlineData(typeof(ResendConfirmationModel), RateLimitedForm.Mail)]
    public void Every_public_form_that_checks_a_secret_or_sends_a_mail_draws_on_a_budget(Type page, RateLimitedForm form) =>
        page.GetCustomAttribute<RateLimitedAttribute>().ShouldNotBeNull(page.Name).Form.ShouldBe(form);

    [Fact]
    public async Task The_eleventh_sign_in_from_one_address_within_a_minute_gets_429_in_German_and_other_addresses_do_not()
    {
        var client = factory.CreateClientFrom("192.0.2.1");
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            // A new address each time, so only the limit per client address can refuse.
            var allowed = await SignInAsync(client, Accounts.NewEmail("versuch"));
            allowed.StatusCode.ShouldBe(HttpStatusCode.OK, $"attempt {attempt}");
            (await allowed.ReadHtmlAsync()).Errors().ShouldBe([WrongCredentials]);
        }

        var refused = await SignInAsync(client, Accounts.NewEmail("versuch"));

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(60), "the window began with the first attempt, and the clock stood still");
        var page = await refused.ReadHtmlAsync();
        page.QuerySelector("h1")!.TextContent.ShouldBe("Zu viele Versuche");
        page.MainText().ShouldContain($"Sie haben dieses Formular in kurzer Zeit zu oft abgeschickt. Bitte versuchen Sie es ab {RetryFrom(refused)} Uhr noch einmal.");
        page.QuerySelector("html")!.GetAttribute("lang").ShouldBe("de");

        (await client.GetAsync("/Account/Login")).StatusCode.ShouldBe(HttpStatusCode.OK, "the form itself stays open");
        (await SignInAsync(factory.CreateClientFrom("192.0.2.2"), Accounts.NewEmail("versuch"))).StatusCode.ShouldBe(HttpStatusCode.OK, "another address has its own budget");
    }

    [Fact]
    public async Task The_refusal_is_in_English_on_English_pages()
    {
        var client = factory.CreateClientFrom("192.0.2.3");
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        for (var attempt = 1; attempt <= 10; attempt++)
            (await SignInAsync(client, Accounts.NewEmail("attempt"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var refused = await SignInAsync(client, Accounts.NewEmail("attempt"));

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var page = await refused.ReadHtmlAsync();
        page.QuerySelector("h1")!.TextContent.ShouldBe("Too many attempts");
        page.MainText().ShouldContain($"You have sent this form too often in a short time. Please try again from {RetryFrom(refused)}.");
    }

    [Fact]
    public async Task The_window_ends_and_the_address_may_sign_in_again()
    {
        var client = factory.CreateClientFrom("192.0.2.4");
        for (var attempt = 1; attempt <= 10; attempt++)
            (await SignInAsync(client, Accounts.NewEmail("versuch"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await SignInAsync(client, Accounts.NewEmail("versuch"));
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        factory.Clock.Advance(refused.Headers.RetryAfter!.Delta!.Value);

        (await SignInAsync(client, Accounts.NewEmail("versuch"))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task One_account_takes_ten_sign_ins_a_minute_from_all_addresses_together()
    {
        var email = Accounts.NewEmail("ziel");
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            // Two wrong passwords per address: no address reaches its own lock (five).
            var response = await SignInAsync(factory.CreateClientFrom($"198.18.0.{(attempt + 1) / 2}"), email);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"attempt {attempt}");
        }

        var refused = await SignInAsync(factory.CreateClientFrom("198.18.0.99"), email);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "a distributed guess at one account is slowed down");
        refused.Headers.RetryAfter.ShouldNotBeNull();
    }

    [Fact]
    public async Task Ten_wrong_passwords_from_one_address_leave_the_owner_both_the_account_budget_and_the_sign_in()
    {
        var email = await factory.CreateUserAsync(Roles.CompetenceCentre);
        var attacker = factory.CreateClientFrom("203.0.113.50");
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            var wrong = await SignInAsync(attacker, email, $"falsches-Passwort-{attempt}");
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK, $"attempt {attempt}");
            (await wrong.ReadHtmlAsync()).Errors().ShouldBe([WrongCredentials]);
        }

        var owner = await SignInAsync(factory.CreateClientFrom("198.51.100.50"), email, Accounts.Password);

        owner.StatusCode.ShouldBe(HttpStatusCode.Redirect, "after its fifth failure the attacker's address no longer draws on the account's budget");
        // A minute later the attacker's address has sign-ins again, but stays locked for this account (15 minutes).
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var right = await SignInAsync(attacker, email, Accounts.Password);
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await right.ReadHtmlAsync()).Errors().ShouldBe([WrongCredentials], "the right password from the locked address is answered as a wrong one");
    }

    [Theory]
    [InlineData("/Account/Register")]
    [InlineData("/Account/ForgotPassword")]
    [InlineData("/Account/ResendConfirmation")]
    public async Task The_sixth_mail_form_from_one_address_in_ten_minutes_gets_429(string page)
    {
        var client = factory.CreateClientFrom($"192.0.2.{10 + page.Length}");
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var email = Accounts.NewEmail("post");
            var response = await client.PostFormAsync(page, new Dictionary<string, string>
            {
                ["Input.DisplayName"] = "Max Muster", ["Input.Email"] = email,
                ["Input.Password"] = Accounts.Password, ["Input.ConfirmPassword"] = Accounts.Password,
            });
            if (attempt <= 5)
            {
                ((int)response.StatusCode).ShouldBeLessThan(400, $"attempt {attempt}");
                continue;
            }

            response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromMinutes(10));
        }
    }
}
