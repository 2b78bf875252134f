using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NestPortal.Data.Identity;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Account;

public sealed class LoginWithRecoveryCodeModel(
    SignInManager<PortalUser> signIn, IValidator<LoginWithRecoveryCodeModel.InputModel> validator,
    IStringLocalizer<SharedResource> l, ILogger<LoginWithRecoveryCodeModel> logger) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("./Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("./Login");
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();

        // Identity's recovery-code sign-in neither honours nor counts lockout; this page does both.
        if (await signIn.UserManager.IsLockedOutAsync(user)) return RedirectToPage("./Lockout");
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Input.RecoveryCode.Replace(" ", string.Empty));
        if (result.Succeeded)
        {
            logger.LogWarning("User {UserId} signed in with a recovery code", user.Id);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.IsLockedOut) return RedirectToPage("./Lockout");
        await signIn.UserManager.AccessFailedAsync(user);
        ModelState.AddModelError("Input.RecoveryCode", l["Der Wiederherstellungscode ist ungültig."]);
        return Page();
    }

    public sealed class InputModel
    {
        public string RecoveryCode { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.RecoveryCode).NotEmpty().MaximumLength(20).WithName(_ => l["Wiederherstellungscode"]);
        }
    }
}
