using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NestPortal.Data.Identity;

namespace NestPortal.Web.Pages.Account;

/// <summary>
/// Signing out changes the account's security stamp, so the cookie dies everywhere: a copy of it taken
/// earlier, and the person's sessions in other browsers too (ADR 0019).
/// </summary>
public sealed class LogoutModel(SignInManager<PortalUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.UserManager.GetUserAsync(User) is { } user) await signIn.UserManager.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        TempData["Status"] = l["Sie sind abgemeldet."].Value;
        return RedirectToPage("/Index");
    }
}
