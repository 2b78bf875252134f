using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NestPortal.Data.Identity;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.Infrastructure.RateLimits;

namespace NestPortal.Web.Pages.Account;

[RateLimited(RateLimitedForm.SignIn)]
public sealed class LoginModel(
    SignInManager<PortalUser> signIn, IValidator<LoginModel.InputModel> validator,
    IStringLocalizer<SharedResource> l, IEnumerable<DemoAccountListing> demoAccountListings, IHostEnvironment environment,
    SignInFailures failures, ClientKeys keys, NestPortal.Web.Notifications.LockNotice lockNotice, ILogger<LoginModel> logger) : PageModel
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
        var account = keys.Account(Input.Email);
        var address = keys.Address(HttpContext);
        var user = await users.FindByEmailAsync(Input.Email);

        // Too many wrong passwords for this account from this address: refused like a wrong password,
        // with the same work, whether or not the account exists and whatever was typed (ADR 0018).
        if (failures.IsLocked(account, address))
        {
            users.PasswordHasher.HashPassword(new PortalUser(), Input.Password);
            return WrongCredentials();
        }

        if (user is null)
        {
            // Hash anyway, so an unknown address takes as long as a known one.
            users.PasswordHasher.HashPassword(new PortalUser(), Input.Password);
            return Failed();
        }

        // Identity says "not confirmed" or "locked" before it looks at the password; only someone who
        // knows the password may learn that, anyone else gets the same answer as for a wrong password.
        if ((!await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
            && !await users.CheckPasswordAsync(user, Input.Password))
        {
            return Failed();
        }

        // No lockout on failure: a wrong password counts for this address only (SignInFailures).
        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded || result.RequiresTwoFactor) failures.Clear(account, address);
        if (result.Succeeded)
        {
            await lockNotice.AfterSignInAsync(user, account);
            logger.LogInformation("User {UserId} signed in", user.Id);
            return LocalRedirect(SafeReturnUrl);
        }

        if (result.RequiresTwoFactor) return RedirectToPage("./LoginWith2fa", new { ReturnUrl = SafeReturnUrl });
        if (result.IsLockedOut)
        {
            // Only a lock set on purpose (LockoutEnd), shown to someone who knows the password.
            logger.LogWarning("User {UserId} is locked and gave the right password", user.Id);
            return RedirectToPage("./Lockout");
        }

        // A deactivated account is not allowed either; it hears what a wrong password hears (ADR 0020).
        if (result.IsNotAllowed && user.DeactivatedAtUtc is null)
        {
            ModelState.AddModelError(string.Empty, l["Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse über den Link in der Bestätigungsmail."]);
            return Page();
        }

        return Failed();

        IActionResult Failed()
        {
            failures.RecordFailure(account, address);
            return WrongCredentials();
        }
    }

    private PageResult WrongCredentials()
    {
        ModelState.AddModelError(string.Empty, l["E-Mail-Adresse oder Passwort ist falsch."]);
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
