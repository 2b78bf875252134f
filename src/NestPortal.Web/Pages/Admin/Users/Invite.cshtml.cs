using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Data.Auditing;
using NestPortal.Data.Identity;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.Mail;
using NestPortal.Web.Pages.Account;

namespace NestPortal.Web.Pages.Admin.Users;

/// <summary>
/// Creates a staff account without a password and queues a mail with a link to set one. A municipality account is
/// bound to exactly one municipality. Staff enrol their second factor at first sign-in.
/// </summary>
public sealed class InviteModel(
    NestPortalDbContext db, UserManager<PortalUser> users, IValidator<InviteModel.InputModel> validator,
    IStringLocalizer<SharedResource> l, Microsoft.Extensions.Options.IOptions<PortalOptions> portal, IHostEnvironment environment, TimeProvider time, ILogger<InviteModel> logger) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();
        Domain.Municipalities.Municipality? municipality = null;
        if (Input.Role == Roles.Municipality)
        {
            municipality = await MunicipalityLookup.ResolveAsync(db, Input.Municipality);
            if (municipality is null)
            {
                ModelState.AddModelError("Input.Municipality", await MunicipalityLookup.NotFoundMessageAsync(db, l, Input.Municipality));
                return Page();
            }
        }

        var now = time.UtcNow();
        var user = new PortalUser
        {
            UserName = Input.Email.Trim(),
            Email = Input.Email.Trim(),
            DisplayName = Input.DisplayName.Trim(),
            MunicipalityAgs = municipality?.Ags,
            CreatedAtUtc = now,
            InvitationSentAtUtc = now,
            PreferredCulture = AccountMails.RequestCulture(),
        };
        // The account, its role and its audit entry together, or none of them (ADR 0020).
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                foreach (var error in created.Errors) ModelState.AddModelError("Input.Email", error.Description);
                return Page();
            }

            var roleAdded = await users.AddToRoleAsync(user, Input.Role);
            if (!roleAdded.Succeeded)
                throw new InvalidOperationException($"Role {Input.Role} could not be given to {user.Id}: {string.Join("; ", roleAdded.Errors.Select(e => e.Code))}");
            List<FieldChange> changes = [new("Roles", null, Input.Role), new(nameof(PortalUser.InvitationSentAtUtc), null, AccountPageModel.AuditValue(now))];
            if (user.MunicipalityAgs is { } ags) changes.Add(new FieldChange(nameof(PortalUser.MunicipalityAgs), null, ags.Value));
            db.RecordAccountChange(user.Id, AuditAction.Created, changes);
            // The invitation goes through the outbox with the account: a mail server that is down
            // neither fails the page nor loses the invitation.
            var baseUrl = AccountLinks.BaseUrl(portal.Value, Request, environment);
            var link = await AccountLinks.SetPasswordAsync(users, user, Url, baseUrl);
            db.QueueAccountMail(l, user.Email, AccountMails.Invitation(l, link), baseUrl, now);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        logger.LogInformation("Staff account {UserId} invited with role {Role}", user.Id, Input.Role);
        TempData["Status"] = l["Die Einladung an {0} ist verschickt.", user.Email].Value;
        return RedirectToPage("./Index");
    }

    public sealed class InputModel
    {
        public string DisplayName { get; set; } = string.Empty;
        public string Email { get; set; } = string.Empty;
        public string Role { get; set; } = string.Empty;
        public string? Municipality { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.DisplayName).NotEmpty().MaximumLength(200).WithName(_ => l["Name"]);
            RuleFor(x => x.Email).NotEmpty().MaximumLength(254).MailAddress().WithName(_ => l["E-Mail-Adresse"]);
            RuleFor(x => x.Role).Must(role => Roles.Staff.Contains(role))
                .WithMessage(_ => l["Bitte wählen Sie eine Rolle für Mitarbeitende."]);
            RuleFor(x => x.Municipality).NotEmpty().When(x => x.Role == Roles.Municipality)
                .WithMessage(_ => l["Ein Konto einer Kommune gehört zu genau einer Kommune: bitte wählen Sie sie aus."]);
        }
    }
}
