using System.Security.Claims;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NestPortal.Web.Startup;

namespace NestPortal.Web.Pages;

/// <summary>Remembers the chosen language (German or English) in a cookie for a year, and on the account of whoever is signed in.</summary>
public sealed class CultureModel(NestPortal.Data.NestPortalDbContext db) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync(string? culture, string? returnUrl)
    {
        var chosen = ServiceRegistration.SupportedCultures.FirstOrDefault(c => c.Name == culture)?.Name ?? "de-DE";
        // A signed-in person's choice also decides the language of their mails and messages.
        // Saved through the change tracker like every other change, so the audit log sees it (ADR 0006).
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            && await db.Users.FindAsync(userId) is { } user && user.PreferredCulture != chosen)
        {
            user.PreferredCulture = chosen;
            await db.SaveChangesAsync();
        }
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
