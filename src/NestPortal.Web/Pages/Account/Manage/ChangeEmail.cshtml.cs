using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NestPortal.Data;
using NestPortal.Data.Identity;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.Mail;
using NestPortal.Web.Notifications;

namespace NestPortal.Web.Pages.Account.Manage;

/// <summary>
/// The signed-in person asks for a new address, confirmed with the current password. Nothing changes
/// yet: a link goes to the new address and a notice to the old one (through the outbox); the address
/// and the sign-in name change when the link is opened (<see cref="ConfirmEmailChangeModel"/>). An
/// address another account uses gets the same answer; its owner is told instead of a link being sent.
/// </summary>
public sealed class ChangeEmailModel(
    NestPortalDbContext db, UserManager<PortalUser> users, SignInManager<PortalUser> signIn,
    IValidator<ChangeEmailModel.InputModel> validator, IStringLocalizer<SharedResource> l, IOptions<PortalOptions> portal,
    IHostEnvironment environment, TimeProvider time, ILogger<ChangeEmailModel> logger) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public string CurrentEmail { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        CurrentEmail = user.Email ?? string.Empty;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        CurrentEmail = user.Email ?? string.Empty;
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();
        var newEmail = Input.NewEmail.Trim();
        if (string.Equals(newEmail, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("Input.NewEmail", l["Das ist schon Ihre E-Mail-Adresse."]);
            return Page();
        }

        var check = await signIn.CheckPasswordSignInAsync(user, Input.CurrentPassword, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            ModelState.AddModelError("Input.CurrentPassword", check.IsLockedOut
                ? l["Zu viele falsche Passwörter: Ihr Konto ist für eine Weile gesperrt. Ihre E-Mail-Adresse ist nicht geändert."]
                : l["Das Passwort stimmt nicht. Ihre E-Mail-Adresse ist nicht geändert."]);
            return Page();
        }

        var now = time.UtcNow();
        var taken = await users.FindByEmailAsync(newEmail) is not null;
        var baseUrl = AccountLinks.BaseUrl(portal.Value, Request, environment);
        if (taken)
        {
            db.QueueMail(newEmail, l["Ihre E-Mail-Adresse bei NestPortal"],
                l["Jemand wollte diese Adresse für ein anderes Konto bei NestPortal eintragen. Sie ist schon mit Ihrem Konto verbunden und bleibt es; Sie müssen nichts tun."], now);
        }
        else
        {
            var link = await AccountLinks.ConfirmEmailChangeAsync(users, user, newEmail, Url, baseUrl);
            db.QueueAccountMail(l, newEmail, new NoticeText(l["Neue E-Mail-Adresse für NestPortal bestätigen"],
                [l["Bitte bestätigen Sie diese Adresse über den folgenden Link als neue Adresse Ihres Kontos bei NestPortal. Danach melden Sie sich mit ihr an."],
                 l["Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail."]],
                link, l["Adresse bestätigen"]), baseUrl, now);
        }

        // The notice composer encodes the address for the HTML part; the plain-text part shows it as typed.
        if (user.Email is { } oldEmail)
            db.QueueAccountMail(l, oldEmail, new NoticeText(l["Änderung Ihrer E-Mail-Adresse bei NestPortal"],
                [l["Für Ihr Konto bei NestPortal wurde die neue Adresse {0} angegeben. Sie gilt erst, wenn der Link in der Mail an diese Adresse geöffnet wird. Wenn Sie das nicht waren, ändern Sie bitte Ihr Passwort.", newEmail]]), baseUrl, now);
        await db.SaveChangesAsync();

        logger.LogInformation("User {UserId} asked to change the email address", user.Id);
        TempData["Status"] = l["Wir haben einen Link an {0} geschickt. Ihre Adresse ändert sich erst, wenn Sie ihn öffnen.", newEmail].Value;
        return RedirectToPage("./Index");
    }

    public sealed class InputModel
    {
        public string NewEmail { get; set; } = string.Empty;
        public string CurrentPassword { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.NewEmail).NotEmpty().MaximumLength(254).MailAddress().WithName(_ => l["Neue E-Mail-Adresse"]);
            RuleFor(x => x.CurrentPassword).NotEmpty().MaximumLength(PasswordRule.MaximumLength).WithName(_ => l["Passwort"]);
        }
    }
}
