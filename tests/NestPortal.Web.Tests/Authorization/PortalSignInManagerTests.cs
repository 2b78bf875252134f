using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Data.Identity;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.Pages.Admin.Users;
using static NestPortal.Web.Tests.Pages.Account.TwoFactorSteps;

namespace NestPortal.Web.Tests.Authorization;

/// <summary>
/// A deactivated account signs in no way: not with its password, and not with an authenticator code or a
/// recovery code after its password was accepted (deactivated in between). Each refusal reads like a
/// wrong password or code, and a recovery code is not spent on it.
/// </summary>
public sealed class PortalSignInManagerTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<(string Id, string Email, string Key, IReadOnlyList<string> Codes)> StaffWithSecondFactorAsync()
    {
        var (id, email) = await factory.NewAccountAsync(Roles.CompetenceCentre);
        var codes = await factory.EnrolSecondFactorAsync(id);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var key = (await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(id))!))!;
        return (id, email, key, codes);
    }

    /// <summary>Deactivated directly, as an administrator would between the two steps of a sign-in.</summary>
    private Task DeactivateAsync(string id) => factory.ExecuteAsync(async db =>
    {
        var user = await db.Users.FindAsync(id);
        user!.DeactivatedAtUtc = TestClock.UtcNow;
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task The_authenticator_code_of_a_deactivated_account_does_not_sign_in()
    {
        var (id, email, key, _) = await StaffWithSecondFactorAsync();
        var (client, secondFactor) = await factory.PasswordAcceptedAsync(email);
        await DeactivateAsync(id);

        var response = await PostCodeAsync(client, secondFactor, CurrentCode(key));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).Errors().ShouldBe([WrongCode]);
        (await client.GetAsync("/Review")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_recovery_code_of_a_deactivated_account_does_not_sign_in_and_is_not_spent()
    {
        var (id, email, _, codes) = await StaffWithSecondFactorAsync();
        var (client, _) = await factory.PasswordAcceptedAsync(email);
        await DeactivateAsync(id);

        var response = await client.PostFormAsync("/Account/LoginWithRecoveryCode?returnUrl=%2FReview",
            new Dictionary<string, string> { ["Input.RecoveryCode"] = codes[0] });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).Errors().ShouldBe(["Der Wiederherstellungscode ist ungültig."]);
        (await client.GetAsync("/Review")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        (await users.CountRecoveryCodesAsync((await users.FindByIdAsync(id))!)).ShouldBe(codes.Count);
    }

    [Fact]
    public async Task The_password_of_a_deactivated_account_is_answered_as_a_wrong_one_and_the_right_one_after_reactivation_signs_in()
    {
        var (id, email) = await factory.NewAccountAsync(Roles.Mentor);
        await DeactivateAsync(id);

        (await factory.RefusedSignInAsync(email)).ShouldBe([AdminAccounts.WrongPassword]);

        await factory.ExecuteAsync(async db =>
        {
            (await db.Users.FindAsync(id))!.DeactivatedAtUtc = null;
            await db.SaveChangesAsync();
        });
        (await factory.SignedInAsync(email, Accounts.Password)).ShouldNotBeNull();
    }
}
