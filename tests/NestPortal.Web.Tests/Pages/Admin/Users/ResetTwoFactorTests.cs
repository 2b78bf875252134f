using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Data.Identity;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Pages.Admin.Users.AdminAccounts;

namespace NestPortal.Web.Tests.Pages.Admin.Users;

public sealed class ResetTwoFactorTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string ConfirmFirst = "Bitte bestätigen Sie, dass die Bitte um das Zurücksetzen von der Person selbst kommt.";

    private async Task<(string? Key, int RecoveryCodes)> SecondFactorOfAsync(string id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByIdAsync(id))!;
        return (await users.GetAuthenticatorKeyAsync(user), await users.CountRecoveryCodesAsync(user));
    }

    [Fact]
    public async Task After_confirming_the_lost_authenticator_is_void_and_the_person_enrols_again_at_the_next_sign_in()
    {
        var (id, email) = await factory.NewAccountAsync(Roles.CompetenceCentre);
        var codes = await factory.EnrolSecondFactorAsync(id);
        var (key, _) = await SecondFactorOfAsync(id);
        var stamp = await factory.StampAsync(id);
        var admin = await factory.SignedInAsAsync(Roles.Administrator);

        var unconfirmed = await admin.PostFormAsync(Page("ResetTwoFactor", id), new Dictionary<string, string>());

        unconfirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await unconfirmed.ReadHtmlAsync()).Errors().ShouldBe([ConfirmFirst]);
        (await factory.AccountAsync(id))!.TwoFactorEnabled.ShouldBeTrue();
        (await factory.StampAsync(id)).ShouldBe(stamp);

        var confirmed = await admin.PostFormAsync(Page("ResetTwoFactor", id), new Dictionary<string, string> { ["Confirmed"] = "true" });

        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect, string.Join("; ", (await confirmed.ReadHtmlAsync()).Errors()));
        confirmed.Location().ShouldBe(Page("Details", id));
        var details = await admin.GetPageAsync(confirmed.Location());
        details.QuerySelector("main [role=status]")!.TextContent
            .ShouldBe($"Der zweite Faktor von {email} ist zurückgesetzt. Bei der nächsten Anmeldung richtet die Person ihre Authenticator-App neu ein.");
        details.QuerySelector("[data-fact=two-factor]")!.TextContent.ShouldBe("nicht eingerichtet");
        (await factory.AccountAsync(id))!.TwoFactorEnabled.ShouldBeFalse();
        var (newKey, recoveryCodes) = await SecondFactorOfAsync(id);
        newKey.ShouldNotBe(key);
        recoveryCodes.ShouldBe(0);
        (await factory.StampAsync(id)).ShouldNotBe(stamp);
        var entry = (await factory.AccountEntriesAsync(id)).ShouldHaveSingleItem();
        ChangesOf(entry).ShouldBe([new("TwoFactorEnabled", "True", "False"), new("RecoveryCodes", codes.Count.ToString(), "0")]);
        entry.Changes!.ShouldNotContain(key!);
        entry.Changes!.ShouldNotContain(newKey!);

        // The password alone signs in now, and the staff pages send the person to enrol a new app.
        var signedIn = await factory.SignedInAsync(email, Accounts.Password);
        (await signedIn.GetAsync("/Review")).Location().ShouldBe("/Account/Manage/TwoFactor?returnUrl=%2FReview");
    }

    [Fact]
    public async Task An_account_without_a_second_factor_has_nothing_to_reset()
    {
        var (id, _) = await factory.NewAccountAsync(Roles.Municipality, "05913000");
        var stamp = await factory.StampAsync(id);
        var admin = await factory.SignedInAsAsync(Roles.Administrator);

        var response = await admin.PostWithTokenAsync(Page("ResetTwoFactor", id), new Dictionary<string, string> { ["Confirmed"] = "true" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).QuerySelector("[data-fact=obstacle]")!.TextContent.Trim()
            .ShouldBe("Für dieses Konto ist kein zweiter Faktor eingerichtet; es gibt nichts zurückzusetzen.");
        (await factory.StampAsync(id)).ShouldBe(stamp);
        (await factory.AccountEntriesAsync(id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_administrator_resets_their_own_second_factor_under_their_account_not_here()
    {
        var own = await factory.DemoUserIdAsync(Roles.Administrator);
        var admin = await factory.SignedInAsAsync(Roles.Administrator);

        var response = await admin.PostWithTokenAsync(Page("ResetTwoFactor", own), new Dictionary<string, string> { ["Confirmed"] = "true" });

        (await response.ReadHtmlAsync()).QuerySelector("[data-fact=obstacle]")!.TextContent.Trim()
            .ShouldBe("Ihren eigenen zweiten Faktor richten Sie unter „Mein Konto“ neu ein.");
        (await factory.AccountEntriesAsync(own)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.CompetenceCentre)]
    [InlineData(Roles.Municipality)]
    [InlineData(null)]
    public async Task Other_roles_and_the_anonymous_are_refused_and_nothing_changes(string? role)
    {
        var (id, _) = await factory.NewAccountAsync(Roles.CompetenceCentre);
        await factory.EnrolSecondFactorAsync(id);

        var response = await factory.PostAsAsync(role, Page("ResetTwoFactor", id), new Dictionary<string, string> { ["Confirmed"] = "true" });

        if (role is null) Accounts.LocalPath(response.Location()).ShouldStartWith("/Account/Login");
        else response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.AccountAsync(id))!.TwoFactorEnabled.ShouldBeTrue();
    }
}
