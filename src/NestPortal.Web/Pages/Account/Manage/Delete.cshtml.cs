using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NestPortal.Data;
using NestPortal.Data.Identity;
using NestPortal.Domain.Common;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Authorization;

namespace NestPortal.Web.Pages.Account.Manage;

/// <summary>
/// A member deletes their own account (GDPR Art. 17): their details in every group are erased and the
/// account goes. Not while one of their groups sponsors a family: then the page says which group and
/// whom to ask. Confirmed with the password, so a session left open cannot do it.
/// </summary>
public sealed class DeleteModel(
    NestPortalDbContext db, UserManager<PortalUser> users, SignInManager<PortalUser> signIn, TimeProvider time,
    IOptions<PortalOptions> portal, IStringLocalizer<SharedResource> l, IValidator<DeleteModel.DeleteInput> validator,
    ILogger<DeleteModel> logger) : PageModel
{
    [BindProperty] public DeleteInput Input { get; set; } = new();

    /// <summary>The groups that still sponsor a family and so keep the account; empty when it may go.</summary>
    public IReadOnlyList<string> SponsoringGroups { get; private set; } = [];

    public string CompetenceCentreMailbox => portal.Value.CompetenceCentreMailbox;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is null) return Challenge();
        SponsoringGroups = await SponsoringGroupNamesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        SponsoringGroups = await SponsoringGroupNamesAsync();
        if (SponsoringGroups.Count > 0) return Page();
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();
        // Counted like a sign-in: wrong passwords lock the account, so an open session cannot guess.
        var check = await signIn.CheckPasswordSignInAsync(user, Input.Password, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            ModelState.AddModelError("Input.Password", check.IsLockedOut
                ? l["Zu viele falsche Passwörter: Ihr Konto ist für eine Weile gesperrt und nicht gelöscht."]
                : l["Das Passwort stimmt nicht. Ihr Konto ist nicht gelöscht."]);
            return Page();
        }

        // Every group with a record of theirs, also one they left early (GroupsOf no longer shows those).
        var email = Mentor.NormaliseEmail(user.Email ?? string.Empty);
        var groups = email.Length == 0 ? []
            : await db.MentoringGroups.Where(g => g.Members.Any(m => m.Email == email))
                .Include(g => g.Members).Include(g => g.History).AsSplitQuery().ToListAsync();
        var today = time.TodayInGermany();
        if (!await db.TrySaveAsync(() =>
                {
                    foreach (var group in groups) group.EraseMemberOnRequest(email, user.Id, groupSponsorsNow: false, today);
                }, ModelState, l, new()))
            return Page();

        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            logger.LogError("Deleting account {UserId} failed: {Errors}", user.Id, string.Join("; ", result.Errors.Select(e => e.Code)));
            ModelState.AddModelError(string.Empty, l["Das Konto konnte nicht gelöscht werden. Bitte versuchen Sie es später noch einmal."]);
            return Page();
        }

        await signIn.SignOutAsync();
        logger.LogInformation("Account {UserId} deleted by its owner; member data erased in {Groups} groups", user.Id, groups.Count);
        TempData["Status"] = l["Ihr Konto und Ihre Angaben als Gruppenmitglied sind gelöscht."].Value;
        return RedirectToPage("/Index");
    }

    private async Task<IReadOnlyList<string>> SponsoringGroupNamesAsync() =>
        await db.GroupsOf(User).Where(g => db.Sponsorships.Any(s => s.GroupId == g.Id && s.Status == SponsorshipStatus.Running))
            .OrderBy(g => g.Name).Select(g => g.Name).ToListAsync();

    /// <summary>The password, and the confirmation that the deletion is final.</summary>
    public sealed class DeleteInput
    {
        [Display(Name = "Passwort")]
        public string Password { get; set; } = string.Empty;

        [Display(Name = "Ich möchte mein Konto und meine Angaben endgültig löschen.")]
        public bool Confirmed { get; set; }

        public sealed class Validator : AbstractValidator<DeleteInput>
        {
            public Validator(IStringLocalizer<SharedResource> l)
            {
                RuleFor(x => x.Password).NotEmpty().WithMessage(_ => l["Bitte geben Sie zur Bestätigung Ihr Passwort ein."]);
                RuleFor(x => x.Confirmed).Equal(true)
                    .WithMessage(_ => l["Bitte bestätigen Sie, dass Ihr Konto und Ihre Angaben endgültig gelöscht werden sollen."]);
            }
        }
    }
}
