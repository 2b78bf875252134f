using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NestPortal.Data.Identity;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.Mail;

namespace NestPortal.Web.Pages.Account;

/// <summary>Mails a link to set a new password. The answer is the same whether or not the account exists.</summary>
public sealed class ForgotPasswordModel(
    UserManager<PortalUser> users, IValidator<ForgotPasswordModel.InputModel> validator, IMailer mailer,
    IStringLocalizer<SharedResource> l, Microsoft.Extensions.Options.IOptions<PortalOptions> portal, IHostEnvironment environment) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();
        var user = await users.FindByEmailAsync(Input.Email);
        if (user?.Email is not null)
        {
            // Setting a password through the mailed link also proves the address, so unconfirmed accounts get one too.
            var link = await AccountLinks.SetPasswordAsync(users, user, Url, AccountLinks.BaseUrl(portal.Value, Request, environment));
            await mailer.SendAsync(user.Email, l["Neues Passwort für NestPortal"],
                l["Über diesen Link können Sie ein neues Passwort festlegen: <a href=\"{0}\">Passwort festlegen</a>. Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail.", link]);
        }

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
            RuleFor(x => x.Email).NotEmpty().MaximumLength(254).EmailAddress().WithName(_ => l["E-Mail-Adresse"]);
        }
    }
}
