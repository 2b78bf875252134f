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
public sealed class LoginWithRecoveryCodeModel(
    SignInManager<PortalUser> signIn, IValidator<LoginWithRecoveryCodeModel.InputModel> validator,
    IStringLocalizer<SharedResource> l, SignInFailures failures, ClientKeys keys, ILogger<LoginWithRecoveryCodeModel> logger) : PageModel
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

        // Identity's recovery-code sign-in honours no lock; this page honours a lock set on purpose and,
        // like the authenticator page, counts wrong codes per account and address (ADR 0018).
        if (await signIn.UserManager.IsLockedOutAsync(user)) return RedirectToPage("./Lockout");
        var account = keys.SecondFactorAccount(user.Id);
        var address = keys.Address(HttpContext);
        if (failures.IsLocked(account, address)) return WrongCode();
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Input.RecoveryCode.Replace(" ", string.Empty));
        if (result.Succeeded)
        {
            failures.Clear(account, address);
            logger.LogWarning("User {UserId} signed in with a recovery code", user.Id);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.IsLockedOut) return RedirectToPage("./Lockout");
        failures.RecordFailure(account, address);
        return WrongCode();
    }

    private PageResult WrongCode()
    {
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
