using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Data.Identity;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.Mail;

namespace NestPortal.Web.Pages.Account;

/// <summary>Mentors register themselves; the account works once the email is confirmed.</summary>
public sealed class RegisterModel(
    NestPortalDbContext db, UserManager<PortalUser> users, IValidator<RegisterModel.InputModel> validator, IMailer mailer,
    IStringLocalizer<SharedResource> l, Microsoft.Extensions.Options.IOptions<PortalOptions> portal, IHostEnvironment environment, TimeProvider time, ILogger<RegisterModel> logger) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    /// <summary>
    /// The programme's last day once it lies behind us. Registering stays open (members of existing
    /// groups need an account to reach their group); the page says plainly that no new groups are taken.
    /// </summary>
    public DateOnly? ProgrammeEndedOn { get; private set; }

    public async Task OnGetAsync() => ProgrammeEndedOn = await db.ProgrammeEndedBeforeAsync(time.TodayInGermany());

    public async Task<IActionResult> OnPostAsync()
    {
        ProgrammeEndedOn = await db.ProgrammeEndedBeforeAsync(time.TodayInGermany());
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();

        Input.Email = Input.Email.Trim();
        var existing = await users.FindByEmailAsync(Input.Email);
        if (existing is not null)
        {
            // Same answer as for a new account, so the form does not reveal who is registered.
            await mailer.SendAsync(Input.Email, l["Ihr Konto bei NestPortal"],
                l["Jemand wollte sich mit dieser E-Mail-Adresse bei NestPortal registrieren. Sie haben bereits ein Konto. Falls Sie Ihr Passwort vergessen haben, können Sie es auf der Anmeldeseite zurücksetzen."]);
            return RedirectToPage("./RegisterConfirmation");
        }

        var user = new PortalUser
        {
            UserName = Input.Email,
            Email = Input.Email,
            DisplayName = Input.DisplayName.Trim(),
            CreatedAtUtc = time.UtcNow(),
        };
        var result = await users.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code.Contains("Password") ? "Input.Password" : string.Empty, error.Description);
            return Page();
        }

        var roleAdded = await users.AddToRoleAsync(user, Roles.Mentor);
        if (!roleAdded.Succeeded)
            throw new InvalidOperationException($"Role {Roles.Mentor} could not be given to {user.Id}: {string.Join("; ", roleAdded.Errors.Select(e => e.Code))}");
        logger.LogInformation("Mentor account {UserId} registered", user.Id);
        var link = await AccountLinks.ConfirmEmailAsync(users, user, Url, AccountLinks.BaseUrl(portal.Value, Request, environment));
        await mailer.SendAsync(user.Email, l["Bitte bestätigen Sie Ihre E-Mail-Adresse"],
            // No name in the mail: anyone can register any address, and the portal must not carry their text.
            l["Guten Tag, bitte bestätigen Sie Ihre E-Mail-Adresse für NestPortal: <a href=\"{0}\">E-Mail-Adresse bestätigen</a>. Wenn Sie sich nicht registriert haben, ignorieren Sie diese E-Mail.", link]);
        return RedirectToPage("./RegisterConfirmation");
    }

    public sealed class InputModel
    {
        public string DisplayName { get; set; } = string.Empty;
        public string Email { get; set; } = string.Empty;
        public string Password { get; set; } = string.Empty;
        public string ConfirmPassword { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.DisplayName).NotEmpty().MaximumLength(200).WithName(_ => l["Ihr Name"]);
            RuleFor(x => x.Email).NotEmpty().MaximumLength(254).EmailAddress().WithName(_ => l["E-Mail-Adresse"]);
            RuleFor(x => x.Password).NewPassword(l).WithName(_ => l["Passwort"]);
            RuleFor(x => x.ConfirmPassword).Equal(x => x.Password)
                .WithMessage(_ => l["Die beiden Passwörter stimmen nicht überein."]);
        }
    }
}
