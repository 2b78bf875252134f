using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NestPortal.Data.Identity;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Account;

public sealed class LoginWith2faModel(
    SignInManager<PortalUser> signIn, IValidator<AuthenticatorCodeInput> validator,
    IStringLocalizer<SharedResource> l, ILogger<LoginWith2faModel> logger) : PageModel
{
    [BindProperty] public AuthenticatorCodeInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("./Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("./Login");
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();

        // "Remember this browser" is not offered: staff must show the second factor at every sign-in.
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Input.Digits, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in with a second factor", user.Id);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.IsLockedOut) return RedirectToPage("./Lockout");
        ModelState.AddModelError("Input.Code", l["Der Code ist falsch oder abgelaufen. Geben Sie den aktuellen Code aus Ihrer Authenticator-App ein."]);
        return Page();
    }
}
