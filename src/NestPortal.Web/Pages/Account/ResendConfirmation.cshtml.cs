using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Data.Identity;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.Infrastructure.RateLimits;
using NestPortal.Web.Mail;

namespace NestPortal.Web.Pages.Account;

/// <summary>
/// Sends the confirmation link again, for a mentor whose first mail was lost. Like "Passwort vergessen",
/// the answer and the work (one mail queued) are the same for an unconfirmed, a confirmed and an
/// unknown address; the mail says which case it was.
/// </summary>
[RateLimited(RateLimitedForm.Mail)]
public sealed class ResendConfirmationModel(
    NestPortalDbContext db, UserManager<PortalUser> users, IValidator<ResendConfirmationModel.InputModel> validator,
    IStringLocalizer<SharedResource> l, Microsoft.Extensions.Options.IOptions<PortalOptions> portal, IHostEnvironment environment,
    TimeProvider time) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();
        var email = Input.Email.Trim();
        var user = await users.FindByEmailAsync(email);
        if (user?.Email is null)
        {
            db.QueueMail(email, AccountMails.NoAccountSubject(l), AccountMails.NoAccountBody(l), time.UtcNow());
        }
        else if (!user.EmailConfirmed)
        {
            var baseUrl = AccountLinks.BaseUrl(portal.Value, Request, environment);
            var link = await AccountLinks.ConfirmEmailAsync(users, user, Url, baseUrl);
            db.QueueAccountMail(l, user.Email, AccountMails.ConfirmEmail(l, link), baseUrl, time.UtcNow());
        }
        else
        {
            db.QueueMail(user.Email, l["Ihr Konto bei NestPortal"],
                l["Ihre E-Mail-Adresse ist bereits bestätigt. Sie können sich bei NestPortal anmelden. Falls Sie Ihr Passwort vergessen haben, können Sie es auf der Anmeldeseite zurücksetzen."], time.UtcNow());
        }

        await db.SaveChangesAsync();
        Sent = true;
        return Page();
    }

    public sealed class InputModel
    {
        public string Email { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Email).NotEmpty().MaximumLength(254).MailAddress().WithName(_ => l["E-Mail-Adresse"]);
        }
    }
}
