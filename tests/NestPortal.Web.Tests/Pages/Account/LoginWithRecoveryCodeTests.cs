using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using OtpNet;

namespace NestPortal.Web.Tests.Pages.Account;

public sealed class LoginWithRecoveryCodeTests(StrictTwoFactorFactory factory) : IClassFixture<StrictTwoFactorFactory>
{
    private const string EnrolmentPage = "/Account/Manage/TwoFactor";

    private static string SharedKey(IHtmlDocument page) =>
        page.QuerySelector("#shared-key")!.GetAttribute("data-key")!.Replace(" ", string.Empty).ToUpperInvariant();

    private static string CurrentCode(string sharedKey) => new Totp(Base32Encoding.ToBytes(sharedKey)).ComputeTotp(DateTime.UtcNow);

    private static Task<HttpResponseMessage> PostCodeAsync(HttpClient client, string url, string code) =>
        client.PostFormAsync(url, new Dictionary<string, string> { ["Input.Code"] = code });

    /// <summary>Signs in a staff member with a password only and opens the page, which sends them to enrol.</summary>
    private static async Task<string> SentToEnrolAsync(HttpClient client, string staffPage)
    {
        var response = await client.GetAsync(staffPage);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"GET {staffPage}");
        var location = response.Location();
        location.ShouldBe($"{EnrolmentPage}?returnUrl={Uri.EscapeDataString(staffPage)}");
        return location;
    }

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

    /// <summary>Signs in with the password and returns the second-factor page the login sends to.</summary>
    private async Task<(HttpClient Client, string SecondFactorPage)> PasswordAcceptedAsync(string email, string returnUrl = "/Review")
    {
        var client = factory.CreateBrowserLikeClient();
        var response = await client.PostFormAsync($"/Account/Login?returnUrl={Uri.EscapeDataString(returnUrl)}", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Accounts.Password,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Location();
        location.ShouldStartWith("/Account/LoginWith2fa");
        return (client, location);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var (email, _, codes) = await EnrolledStaffAsync();

        var (client, secondFactor) = await PasswordAcceptedAsync(email);
        var secondFactorPage = await client.GetPageAsync(secondFactor);
        var recoveryPage = secondFactorPage.QuerySelector("main a[href^='/Account/LoginWithRecoveryCode']")!.GetAttribute("href")!;
        recoveryPage.ShouldBe("/Account/LoginWithRecoveryCode?returnUrl=%2FReview");
        var used = await client.PostFormAsync(recoveryPage, new Dictionary<string, string> { ["Input.RecoveryCode"] = codes[0] });

        used.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        used.Location().ShouldBe("/Review");
        (await client.GetAsync("/Review")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await client.SignOutAsync();
        var (again, _) = await PasswordAcceptedAsync(email);
        var reused = await again.PostFormAsync(recoveryPage, new Dictionary<string, string> { ["Input.RecoveryCode"] = codes[0] });

        reused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reused.ReadHtmlAsync()).Errors().ShouldBe(["Der Wiederherstellungscode ist ungültig."]);
        (await again.GetAsync("/Review")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var another = await again.PostFormAsync(recoveryPage, new Dictionary<string, string> { ["Input.RecoveryCode"] = codes[1] });
        another.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await again.GetAsync("/Review")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
