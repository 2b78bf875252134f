using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NestPortal.Data.Identity;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.Infrastructure.RateLimits;

namespace NestPortal.Web.Pages.Account;

/// <summary>Sets a password from a mailed link: an administrator's invitation or a reset.</summary>
public sealed class SetPasswordModel(
    UserManager<PortalUser> users, IValidator<SetPasswordModel.InputModel> validator,
    IStringLocalizer<SharedResource> l, SignInFailures failures, ClientKeys keys, NestPortal.Web.Notifications.Notifier notifier,
    NestPortal.Data.NestPortalDbContext db, TimeProvider time, ILogger<SetPasswordModel> logger) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public void OnGet(string? userId, string? code)
    {
        Input.UserId = userId ?? string.Empty;
        Input.Code = code ?? string.Empty;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // A broken link is the page's problem, not a field's: say so above the form.
        var user = string.IsNullOrEmpty(Input.UserId) ? null : await users.FindByIdAsync(Input.UserId);
        var token = AccountLinks.Decode(Input.Code);
        if (user is null || token is null)
            ModelState.AddModelError(string.Empty, l["Der Link ist ungültig oder abgelaufen. Bitte fordern Sie einen neuen an."]);
        if (!await validator.ValidateIntoAsync(Input, ModelState) || user is null || token is null) return Page();

        // An invitation sets the first password; only replacing one is news to the owner.
        var hadPassword = user.PasswordHash is not null;
        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError(string.Empty, error.Description);
            return Page();
        }

        if (!user.EmailConfirmed)
        {
            // The token arrived by mail, so the address is proven.
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }

        await users.ResetAccessFailedCountAsync(user);
        failures.ClearAccount(keys.Account(user.Email));
        if (hadPassword)
        {
            await notifier.ToUsersAsync([user.Id], NestPortal.Web.Notifications.SecurityNotices.PasswordChanged(user.Id, time.UtcNow()));
            await db.SaveChangesAsync();
        }

        logger.LogInformation("User {UserId} set a password from a mailed link", user.Id);
        TempData["Status"] = l["Ihr Passwort ist gespeichert. Bitte melden Sie sich an."].Value;
        return RedirectToPage("./Login");
    }

    public sealed class InputModel
    {
        public string UserId { get; set; } = string.Empty;
        public string Code { get; set; } = string.Empty;
        public string Password { get; set; } = string.Empty;
        public string ConfirmPassword { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Password).NewPassword(l).WithName(_ => l["Neues Passwort"]);
            RuleFor(x => x.ConfirmPassword).Equal(x => x.Password).WithMessage(_ => l["Die beiden Passwörter stimmen nicht überein."]);
        }
    }
}
