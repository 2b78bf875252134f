using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NestPortal.Web.Startup;

namespace NestPortal.Web.Pages;

/// <summary>Remembers the chosen language (German or English) in a cookie for a year.</summary>
public sealed class CultureModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        var chosen = ServiceRegistration.SupportedCultures.FirstOrDefault(c => c.Name == culture)?.Name ?? "de-DE";
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
