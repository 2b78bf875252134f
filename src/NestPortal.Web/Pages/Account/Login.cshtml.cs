using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NestPortal.Data.Identity;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Account;

public sealed class LoginModel(
    SignInManager<PortalUser> signIn, IValidator<LoginModel.InputModel> validator,
    IStringLocalizer<SharedResource> l, IEnumerable<DemoAccountListing> demoAccountListings, IHostEnvironment environment,
    ILogger<LoginModel> logger) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>
    /// The demo accounts, listed only where they exist: when the host seeded them (the development host
    /// registers the listing with the demo data) and the environment is Development or Testing.
    /// </summary>
    public DemoAccountListing? ListedDemoAccounts =>
        DemoAccounts.AllowedIn(environment) ? demoAccountListings.SingleOrDefault() : null;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();

        var users = signIn.UserManager;
        var user = await users.FindByEmailAsync(Input.Email);
        if (user is null)
        {
            // Hash anyway, so an unknown address takes as long as a known one.
            users.PasswordHasher.HashPassword(new PortalUser(), Input.Password);
            ModelState.AddModelError(string.Empty, l["E-Mail-Adresse oder Passwort ist falsch."]);
            return Page();
        }

        // Identity says "not confirmed" or "locked" before it looks at the password; only someone who
        // knows the password may learn that, anyone else gets the same answer as for a wrong password.
        if ((!await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
            && !await users.CheckPasswordAsync(user, Input.Password))
        {
            ModelState.AddModelError(string.Empty, l["E-Mail-Adresse oder Passwort ist falsch."]);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in", user.Id);
            return LocalRedirect(SafeReturnUrl);
        }

        if (result.RequiresTwoFactor) return RedirectToPage("./LoginWith2fa", new { ReturnUrl = SafeReturnUrl });
        if (result.IsLockedOut)
        {
            logger.LogWarning("User {UserId} locked out", user.Id);
            return RedirectToPage("./Lockout");
        }

        // A deactivated account is not allowed either; it hears what a wrong password hears (ADR 0020).
        ModelState.AddModelError(string.Empty, result.IsNotAllowed && user.DeactivatedAtUtc is null
            ? l["Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse über den Link in der Bestätigungsmail."]
            : l["E-Mail-Adresse oder Passwort ist falsch."]);
        return Page();
    }

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    public sealed class InputModel
    {
        public string Email { get; set; } = string.Empty;
        public string Password { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Email).NotEmpty().MaximumLength(254).EmailAddress().WithName(_ => l["E-Mail-Adresse"]);
            RuleFor(x => x.Password).NotEmpty().MaximumLength(200).WithName(_ => l["Passwort"]);
        }
    }
}
