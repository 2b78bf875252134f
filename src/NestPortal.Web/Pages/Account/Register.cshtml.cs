using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Data.Identity;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.Infrastructure.RateLimits;
using NestPortal.Web.Mail;

namespace NestPortal.Web.Pages.Account;

/// <summary>
/// Mentors register themselves; the account works once the email is confirmed. A new and an already
/// registered address get the same answer after the same work (one password hash, one queued mail, one
/// transaction), so neither the page nor its timing tells who is registered (ADR 0018).
/// </summary>
[RateLimited(RateLimitedForm.Mail)]
public sealed class RegisterModel(
    NestPortalDbContext db, UserManager<PortalUser> users, IValidator<RegisterModel.InputModel> validator,
    IStringLocalizer<SharedResource> l, Microsoft.Extensions.Options.IOptions<PortalOptions> portal, IHostEnvironment environment, TimeProvider time, ILogger<RegisterModel> logger) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    /// <summary>
    /// The programme's last day once it lies behind us. Registering stays open (members of existing
    /// groups need an account to reach their group); the page says plainly that no new groups are taken.
    /// </summary>
    public DateOnly? ProgrammeEndedOn { get; private set; }

    /// <param name="email">Prefilled from a member's invitation (ADR 0028), so the account gets the invited address.</param>
    public async Task OnGetAsync(string? email)
    {
        ProgrammeEndedOn = await db.ProgrammeEndedBeforeAsync(time.TodayInGermany());
        if (email is { Length: <= 254 }) Input.Email = email;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ProgrammeEndedOn = await db.ProgrammeEndedBeforeAsync(time.TodayInGermany());
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();

        Input.Email = Input.Email.Trim();
        var user = new PortalUser
        {
            UserName = Input.Email,
            Email = Input.Email,
            DisplayName = Input.DisplayName.Trim(),
            CreatedAtUtc = time.UtcNow(),
            PreferredCulture = AccountMails.RequestCulture(),
        };
        // The password's rules are checked and the hash computed before anyone looks the address up:
        // both answers cost the same, and a password refused for a new address is refused for a known one.
        if (!await PasswordAcceptedAsync(user)) return Page();
        var hash = users.PasswordHasher.HashPassword(user, Input.Password);

        await using var transaction = await db.Database.BeginTransactionAsync();
        var existing = await users.FindByEmailAsync(Input.Email);
        if (existing is not null)
        {
            // Same answer as for a new account; only the mailbox's owner learns that it exists.
            db.QueueMail(Input.Email, l["Ihr Konto bei NestPortal"],
                l["Jemand wollte sich mit dieser E-Mail-Adresse bei NestPortal registrieren. Sie haben bereits ein Konto. Falls Sie Ihr Passwort vergessen haben, können Sie es auf der Anmeldeseite zurücksetzen."], time.UtcNow());
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return RedirectToPage("./RegisterConfirmation");
        }

        user.PasswordHash = hash;
        var result = await users.CreateAsync(user);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code.Contains("Password") ? "Input.Password" : string.Empty, error.Description);
            return Page();
        }

        var roleAdded = await users.AddToRoleAsync(user, Roles.Mentor);
        if (!roleAdded.Succeeded)
            throw new InvalidOperationException($"Role {Roles.Mentor} could not be given to {user.Id}: {string.Join("; ", roleAdded.Errors.Select(e => e.Code))}");
        var baseUrl = AccountLinks.BaseUrl(portal.Value, Request, environment);
        var link = await AccountLinks.ConfirmEmailAsync(users, user, Url, baseUrl);
        // No name in the mail: anyone can register any address, and the portal must not carry their text.
        db.QueueAccountMail(l, Input.Email, AccountMails.ConfirmEmail(l, link), baseUrl, time.UtcNow());
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("Mentor account {UserId} registered", user.Id);
        return RedirectToPage("./RegisterConfirmation");
    }

    /// <summary>Identity's password validators, as account creation would run them; their errors go to the password field.</summary>
    private async Task<bool> PasswordAcceptedAsync(PortalUser user)
    {
        foreach (var passwordValidator in users.PasswordValidators)
        {
            var result = await passwordValidator.ValidateAsync(users, user, Input.Password);
            foreach (var error in result.Errors) ModelState.AddModelError("Input.Password", error.Description);
        }

        return ModelState.IsValid;
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
            RuleFor(x => x.Email).NotEmpty().MaximumLength(254).MailAddress().WithName(_ => l["E-Mail-Adresse"]);
            RuleFor(x => x.Password).NewPassword(l).WithName(_ => l["Passwort"]);
            RuleFor(x => x.ConfirmPassword).Equal(x => x.Password)
                .WithMessage(_ => l["Die beiden Passwörter stimmen nicht überein."]);
        }
    }
}
