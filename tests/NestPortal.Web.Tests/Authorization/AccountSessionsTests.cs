using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.Pages.Admin.Users;
using static NestPortal.Web.Tests.Pages.Account.TwoFactorSteps;

namespace NestPortal.Web.Tests.Authorization;

/// <summary>The portal with the sign-in cookie checked against the account's security stamp on every request.</summary>
public sealed class StampCheckedOnEveryRequestFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero));
    }
}

/// <summary>
/// Every administration step that changes what an account may do ends the account's open sessions: the
/// step gives the account a new security stamp, so the cookie the person holds fails its next check.
/// </summary>
public sealed class AccountSessionsTests(StampCheckedOnEveryRequestFactory factory) : IClassFixture<StampCheckedOnEveryRequestFactory>
{
    [Theory]
    [InlineData("Deactivate", null)]
    [InlineData("Role", Roles.Municipality)]
    [InlineData("ResetTwoFactor", null)]
    public async Task The_persons_open_session_ends_with_the_step(string step, string? newRole)
    {
        var (id, email) = await factory.NewAccountAsync(Roles.CompetenceCentre);
        await factory.EnrolSecondFactorAsync(id);
        string key = null!;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NestPortal.Data.Identity.PortalUser>>();
            key = (await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(id))!))!;
        }

        var (person, secondFactor) = await factory.PasswordAcceptedAsync(email);
        (await PostCodeAsync(person, secondFactor, CurrentCode(key))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await person.GetAsync("/Review")).StatusCode.ShouldBe(HttpStatusCode.OK, "signed in before the step");
        var admin = await factory.SignedInAsAsync(Roles.Administrator);

        var fields = newRole is null
            ? new Dictionary<string, string> { ["Confirmed"] = "true" }
            : new Dictionary<string, string> { ["Input.Role"] = newRole, ["Input.Municipality"] = "05913000" };
        var done = await admin.PostFormAsync(AdminAccounts.Page(step, id), fields);
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect, string.Join("; ", (await done.ReadHtmlAsync()).Errors()));

        var after = await person.GetAsync("/Review");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Accounts.LocalPath(after.Location()).ShouldStartWith("/Account/Login");
        (await admin.GetAsync("/Admin/Users")).StatusCode.ShouldBe(HttpStatusCode.OK, "the administrator's own session goes on");
    }
}
