using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NestPortal.Data.Identity;

namespace NestPortal.Web.Pages.Account;

public sealed class LogoutModel(SignInManager<PortalUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        TempData["Status"] = l["Sie sind abgemeldet."].Value;
        return RedirectToPage("/Index");
    }
}
