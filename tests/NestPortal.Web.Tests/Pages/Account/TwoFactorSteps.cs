using System.Net;
using AngleSharp.Html.Dom;
using NestPortal.Web.Tests.Infrastructure;
using OtpNet;

namespace NestPortal.Web.Tests.Pages.Account;

/// <summary>
/// What a staff member does around the second factor, shared by the tests of the enrolment page and
/// of both second-factor sign-in pages. TOTP codes use the real clock, as Identity does.
/// </summary>
public static class TwoFactorSteps
{
    public const string EnrolmentPage = "/Account/Manage/TwoFactor";

    public const string WrongCode = "Der Code ist falsch oder abgelaufen. Geben Sie den aktuellen Code aus Ihrer Authenticator-App ein.";

    public static string SharedKey(IHtmlDocument page) =>
        page.QuerySelector("#shared-key")!.GetAttribute("data-key")!.Replace(" ", string.Empty).ToUpperInvariant();

    public static string CurrentCode(string sharedKey) => new Totp(Base32Encoding.ToBytes(sharedKey)).ComputeTotp(DateTime.UtcNow);

    /// <summary>The code the app shows 30 seconds from now: accepted (one step of clock drift) and not yet used.</summary>
    public static string NextCode(string sharedKey) => new Totp(Base32Encoding.ToBytes(sharedKey)).ComputeTotp(DateTime.UtcNow.AddSeconds(30));

    /// <summary>A six-digit code that is not the current one.</summary>
    public static string NotTheCode(string sharedKey) => ((int.Parse(CurrentCode(sharedKey)) + 500_000) % 1_000_000).ToString("D6");

    public static Task<HttpResponseMessage> PostCodeAsync(HttpClient client, string url, string code) =>
        client.PostFormAsync(url, new Dictionary<string, string> { ["Input.Code"] = code });

    /// <summary>Signs in a staff member with a password only and opens the page, which sends them to enrol.</summary>
    public static async Task<string> SentToEnrolAsync(HttpClient client, string staffPage)
    {
        var response = await client.GetAsync(staffPage);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"GET {staffPage}");
        var location = response.Location();
        location.ShouldBe($"{EnrolmentPage}?returnUrl={Uri.EscapeDataString(staffPage)}");
        return location;
    }

    /// <summary>Signs in with the password and returns the second-factor page the login sends to.</summary>
    public static async Task<(HttpClient Client, string SecondFactorPage)> PasswordAcceptedAsync(this PortalFactory factory, string email,
        string returnUrl = "/Review")
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
}
