using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;
using NestPortal.Web.Legal;
using NestPortal.Web.Privacy;
using NestPortal.Web.Startup;

namespace NestPortal.Web.Pages.Legal;

/// <summary>
/// The privacy notice (Art. 13 and 14 GDPR): controller, purposes and legal bases, recipients, retention,
/// rights, and the cookies the portal really sets, named as this environment names them (ADR 0004).
/// </summary>
public sealed class PrivacyModel(IOptions<OperatorOptions> options, IOptions<RetentionOptions> retention, IWebHostEnvironment environment) : PageModel
{
    public OperatorOptions Operator => options.Value;

    /// <summary>The periods the erasure applies, so the notice says what the code does.</summary>
    public RetentionOptions Retention => retention.Value;

    public string AuthenticationCookie => CookieNames.For(environment, "nest.auth");
    public string AntiforgeryCookie => CookieNames.For(environment, "nest.af");
    public string TwoFactorCookie => IdentityConstants.TwoFactorUserIdScheme;
    public string CultureCookie => CookieRequestCultureProvider.DefaultCookieName;
    public string TempDataCookie => CookieTempDataProvider.CookieName;

    public void OnGet()
    {
    }
}
