using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NestPortal.Data.Identity;

namespace NestPortal.Web.Pages.Account.Manage;

/// <summary>
/// The signed-in person changes their password with the current one. The new password changes the
/// security stamp, so every other session of the account ends (a cookie someone copied too); this one is
/// signed in again and keeps its second factor and its absolute limit (ADR 0019).
/// </summary>
public sealed class ChangePasswordModel(
    UserManager<PortalUser> users, SignInManager<PortalUser> signIn, IValidator<ChangePasswordModel.InputModel> validator,
    IStringLocalizer<SharedResource> l, NestPortal.Web.Notifications.Notifier notifier, NestPortal.Data.NestPortalDbContext db, TimeProvider time,
    ILogger<ChangePasswordModel> logger) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() => await users.GetUserAsync(User) is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();

        // Counted like a sign-in: wrong passwords lock the account, so an open session cannot guess the current one.
        var check = await signIn.CheckPasswordSignInAsync(user, Input.CurrentPassword, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            ModelState.AddModelError("Input.CurrentPassword", check.IsLockedOut
                ? l["Zu viele falsche Passwörter: Ihr Konto ist für eine Weile gesperrt. Ihr Passwort ist nicht geändert."]
                : l["Das bisherige Passwort stimmt nicht. Ihr Passwort ist nicht geändert."]);
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError("Input.NewPassword", error.Description);
            return Page();
        }

        // Identity has saved the password; the notice follows at once (if it was not them, they learn it).
        await notifier.ToUsersAsync([user.Id], NestPortal.Web.Notifications.SecurityNotices.PasswordChanged(user.Id, time.UtcNow()));
        await db.SaveChangesAsync();
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} changed their password; their other sessions ended", user.Id);
        TempData["Status"] = l["Ihr Passwort ist geändert. In anderen Browsern und auf anderen Geräten sind Sie abgemeldet."].Value;
        return RedirectToPage("./Index");
    }

    public sealed class InputModel
    {
        public string CurrentPassword { get; set; } = string.Empty;
        public string NewPassword { get; set; } = string.Empty;
        public string ConfirmPassword { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.CurrentPassword).NotEmpty().MaximumLength(PasswordRule.MaximumLength).WithName(_ => l["Bisheriges Passwort"]);
            RuleFor(x => x.NewPassword).NewPassword(l).WithName(_ => l["Neues Passwort"]);
            RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage(_ => l["Die beiden Passwörter stimmen nicht überein."]);
        }
    }
}
