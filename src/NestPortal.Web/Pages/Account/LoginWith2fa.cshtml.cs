using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NestPortal.Data.Identity;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.Infrastructure.RateLimits;

namespace NestPortal.Web.Pages.Account;

[RateLimited(RateLimitedForm.SecondFactor)]
public sealed class LoginWith2faModel(
    SignInManager<PortalUser> signIn, IValidator<AuthenticatorCodeInput> validator,
    IStringLocalizer<SharedResource> l, SignInFailures failures, ClientKeys keys, NestPortal.Web.Notifications.LockNotice lockNotice,
    ILogger<LoginWith2faModel> logger) : PageModel
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

        // Too many wrong codes for this account from this address: refused like a wrong code (ADR 0018).
        var account = keys.SecondFactorAccount(user.Id);
        var address = keys.Address(HttpContext);
        if (failures.IsLocked(account, address)) return WrongCode();

        // "Remember this browser" is not offered: staff must show the second factor at every sign-in.
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Input.Digits, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            failures.Clear(account, address);
            // A lock on the password or on the code: either is news to the owner now that someone got in.
            await lockNotice.AfterSignInAsync(user, keys.Account(user.Email!), account);
            logger.LogInformation("User {UserId} signed in with a second factor", user.Id);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.IsLockedOut) return RedirectToPage("./Lockout");
        failures.RecordFailure(account, address);
        return WrongCode();
    }

    private PageResult WrongCode()
    {
        ModelState.AddModelError("Input.Code", l["Der Code ist falsch oder abgelaufen. Geben Sie den aktuellen Code aus Ihrer Authenticator-App ein."]);
        return Page();
    }
}
