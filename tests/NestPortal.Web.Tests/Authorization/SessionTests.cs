using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Data.Identity;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.Pages.Account;

namespace NestPortal.Web.Tests.Authorization;

/// <summary>
/// Sessions that end (ADR 0019): a copied cookie dies with logout, a new password, a second-factor reset or
/// any other change of the security stamp; no session outlives its absolute limit or an idle pause.
/// </summary>
public sealed class SessionTests(SessionTests.SessionFactory factory) : IClassFixture<SessionTests.SessionFactory>
{
    /// <summary>A portal whose clock the tests move; the defaults apply: 10 hours absolute, 30 minutes idle.</summary>
    public sealed class SessionFactory : PortalFactory
    {
        public MovableClock Clock { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    private const string MentorPage = "/Groups";

    /// <summary>A new mentor signed in through the login page, and the auth cookie as an attacker would copy it.</summary>
    private async Task<(string Email, HttpClient Client, string Cookie)> SignedInMentorAsync()
    {
        var email = await factory.CreateUserAsync(Roles.Mentor);
        var client = factory.CreateBrowserLikeClient();
        var response = await client.PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Accounts.Password,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = AuthCookie(response) ?? throw new InvalidOperationException("No auth cookie after sign-in.");
        (await ReplayAsync(cookie)).StatusCode.ShouldBe(HttpStatusCode.OK, "the copied cookie opens the page while the session lives");
        return (email, client, cookie);
    }

    private static string? AuthCookie(HttpResponseMessage response) =>
        (response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [])
        .Where(c => c.StartsWith("nest.auth=", StringComparison.Ordinal) && !c.StartsWith("nest.auth=;", StringComparison.Ordinal))
        .Select(c => c.Split(';')[0]).LastOrDefault();

    /// <summary>Another browser sending the copied cookie only.</summary>
    private Task<HttpResponseMessage> ReplayAsync(string cookie)
    {
        var other = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, MentorPage);
        request.Headers.Add("Cookie", cookie);
        return other.SendAsync(request);
    }

    private async Task ChangeAccountAsync(string email, Func<UserManager<PortalUser>, PortalUser, Task<IdentityResult>> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        (await change(users, user)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task A_copied_cookie_is_dead_after_logout()
    {
        var (_, client, cookie) = await SignedInMentorAsync();

        await client.SignOutAsync();

        await ReplayAsync(cookie).ShouldRedirectToLoginAsync();
    }

    [Fact]
    public async Task A_copied_cookie_is_dead_after_a_password_reset_through_the_mailed_link()
    {
        var (email, _, cookie) = await SignedInMentorAsync();
        (await factory.CreateBrowserLikeClient().PostFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = email }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var link = factory.LinkInLatestMailTo(email);

        var set = await factory.CreateBrowserLikeClient().PostFormAsync(link, new Dictionary<string, string>
        {
            ["Input.Password"] = "Ganz-neues-Passwort-nach-Diebstahl",
            ["Input.ConfirmPassword"] = "Ganz-neues-Passwort-nach-Diebstahl",
        });
        set.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await ReplayAsync(cookie).ShouldRedirectToLoginAsync();
    }

    [Fact]
    public async Task A_copied_cookie_is_dead_after_a_second_factor_reset()
    {
        var (email, _, cookie) = await SignedInMentorAsync();

        await ChangeAccountAsync(email, async (users, user) =>
        {
            await users.SetTwoFactorEnabledAsync(user, false);
            return await users.ResetAuthenticatorKeyAsync(user);
        });

        await ReplayAsync(cookie).ShouldRedirectToLoginAsync();
    }

    [Fact]
    public async Task Every_session_ends_when_the_security_stamp_changes_as_role_changes_and_deactivation_do()
    {
        var (email, client, cookie) = await SignedInMentorAsync();

        await ChangeAccountAsync(email, (users, user) => users.UpdateSecurityStampAsync(user));

        await ReplayAsync(cookie).ShouldRedirectToLoginAsync();
        await client.GetAsync(MentorPage).ShouldRedirectToLoginAsync();
    }

    [Fact]
    public async Task A_deleted_account_has_no_session()
    {
        var (email, _, cookie) = await SignedInMentorAsync();

        await ChangeAccountAsync(email, (users, user) => users.DeleteAsync(user));

        await ReplayAsync(cookie).ShouldRedirectToLoginAsync();
    }

    [Fact]
    public async Task A_session_ends_after_ten_hours_however_active_the_person_is()
    {
        var (_, client, _) = await SignedInMentorAsync();

        // Twenty minutes between requests, less than the idle timeout: sliding keeps renewing the cookie.
        for (var elapsed = TimeSpan.FromMinutes(20); elapsed < TimeSpan.FromHours(10); elapsed += TimeSpan.FromMinutes(20))
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(20));
            (await client.GetAsync(MentorPage)).StatusCode.ShouldBe(HttpStatusCode.OK, $"after {elapsed}");
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        await client.GetAsync(MentorPage).ShouldRedirectToLoginAsync();
    }

    [Fact]
    public async Task A_session_ends_after_thirty_idle_minutes()
    {
        var (_, client, _) = await SignedInMentorAsync();
        factory.Clock.Advance(TimeSpan.FromMinutes(29));
        (await client.GetAsync(MentorPage)).StatusCode.ShouldBe(HttpStatusCode.OK, "29 minutes idle");

        factory.Clock.Advance(TimeSpan.FromMinutes(31));

        await client.GetAsync(MentorPage).ShouldRedirectToLoginAsync();
    }

    [Fact]
    public async Task Stylesheets_cost_no_database_read_while_pages_still_check_the_stamp()
    {
        var (_, client, cookie) = await SignedInMentorAsync();

        var commands = await factory.CommandsDuringAsync(async () =>
        {
            for (var i = 0; i < 20; i++) (await client.GetAsync("/css/site.css")).StatusCode.ShouldBe(HttpStatusCode.OK);
        });

        // The counter is the whole portal's, background jobs included; a stamp read per stylesheet would make 20.
        commands.ShouldBeLessThan(10);
        await client.SignOutAsync();
        await ReplayAsync(cookie).ShouldRedirectToLoginAsync();
    }

    [Fact]
    public async Task Signed_in_requests_work_and_do_not_each_set_a_new_cookie()
    {
        var (_, client, _) = await SignedInMentorAsync();
        var renewed = 0;

        for (var i = 0; i < 20; i++)
        {
            var response = await client.GetAsync(i % 2 == 0 ? MentorPage : "/Account/Manage");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            if (AuthCookie(response) is not null) renewed++;
        }

        renewed.ShouldBe(0, "within the first half of the idle timeout the cookie is not re-issued");
        factory.Clock.Advance(TimeSpan.FromMinutes(16));
        AuthCookie(await client.GetAsync(MentorPage)).ShouldNotBeNull("past half of it, sliding renews the cookie once");
        AuthCookie(await client.GetAsync(MentorPage)).ShouldBeNull();
    }

    [Fact]
    public async Task Staff_keep_their_second_factor_across_Identitys_half_hourly_refresh()
    {
        var email = await factory.CreateUserAsync(Roles.CompetenceCentre);
        var client = await factory.SignedInAsync(email, Accounts.Password);
        var enrol = await TwoFactorSteps.SentToEnrolAsync(client, "/Review");
        var key = TwoFactorSteps.SharedKey(await client.GetPageAsync(enrol));
        (await TwoFactorSteps.PostCodeAsync(client, enrol, TwoFactorSteps.CurrentCode(key))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/Review")).StatusCode.ShouldBe(HttpStatusCode.OK);

        for (var i = 0; i < 4; i++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(20));
            (await client.GetAsync("/Review")).StatusCode.ShouldBe(HttpStatusCode.OK, $"after {(i + 1) * 20} minutes");
        }
    }
}
