using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

using static NestPortal.Web.Tests.Pages.Account.TwoFactorSteps;

namespace NestPortal.Web.Tests.Pages.Account;

public sealed class LoginWithRecoveryCodeTests(StrictTwoFactorFactory factory) : IClassFixture<StrictTwoFactorFactory>
{
    /// <summary>A new competence centre account that enrolled an authenticator; returns its key and recovery codes.</summary>
    private async Task<(string Email, string Key, IReadOnlyList<string> RecoveryCodes)> EnrolledStaffAsync()
    {
        var email = await factory.CreateUserAsync(Roles.CompetenceCentre);
        var client = await factory.SignedInAsync(email, Accounts.Password);
        var enrolment = await SentToEnrolAsync(client, "/Review");
        var key = SharedKey(await client.GetPageAsync(enrolment));
        var enrolled = await PostCodeAsync(client, enrolment, CurrentCode(key));
        enrolled.StatusCode.ShouldBe(HttpStatusCode.OK);
        var codes = (await enrolled.ReadHtmlAsync()).QuerySelectorAll("ul.recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        codes.Count.ShouldBe(10);
        return (email, key, codes);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var (email, _, codes) = await EnrolledStaffAsync();

        var (client, secondFactor) = await factory.PasswordAcceptedAsync(email);
        var secondFactorPage = await client.GetPageAsync(secondFactor);
        var recoveryPage = secondFactorPage.QuerySelector("main a[href^='/Account/LoginWithRecoveryCode']")!.GetAttribute("href")!;
        recoveryPage.ShouldBe("/Account/LoginWithRecoveryCode?returnUrl=%2FReview");
        var used = await client.PostFormAsync(recoveryPage, new Dictionary<string, string> { ["Input.RecoveryCode"] = codes[0] });

        used.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        used.Location().ShouldBe("/Review");
        (await client.GetAsync("/Review")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await client.SignOutAsync();
        var (again, _) = await factory.PasswordAcceptedAsync(email);
        var reused = await again.PostFormAsync(recoveryPage, new Dictionary<string, string> { ["Input.RecoveryCode"] = codes[0] });

        reused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reused.ReadHtmlAsync()).Errors().ShouldBe(["Der Wiederherstellungscode ist ungültig."]);
        (await again.GetAsync("/Review")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var another = await again.PostFormAsync(recoveryPage, new Dictionary<string, string> { ["Input.RecoveryCode"] = codes[1] });
        another.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await again.GetAsync("/Review")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
