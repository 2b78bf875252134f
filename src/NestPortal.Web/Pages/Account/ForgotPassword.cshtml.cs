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
/// Mails a link to set a new password. The answer, and the work behind it (one mail queued in the
/// outbox), is the same whether or not the account exists: an unknown address is told so by mail.
/// </summary>
[RateLimited(RateLimitedForm.Mail)]
public sealed class ForgotPasswordModel(
    NestPortalDbContext db, UserManager<PortalUser> users, IValidator<ForgotPasswordModel.InputModel> validator,
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
        if (user?.Email is not null)
        {
            // Setting a password through the mailed link also proves the address, so unconfirmed accounts get one too.
            var baseUrl = AccountLinks.BaseUrl(portal.Value, Request, environment);
            var link = await AccountLinks.SetPasswordAsync(users, user, Url, baseUrl);
            db.QueueAccountMail(l, user.Email, AccountMails.NewPassword(l, link), baseUrl, time.UtcNow());
        }
        else
        {
            db.QueueMail(email, AccountMails.NoAccountSubject(l), AccountMails.NoAccountBody(l), time.UtcNow());
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
