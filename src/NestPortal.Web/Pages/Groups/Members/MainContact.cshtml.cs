using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Programme;
using NestPortal.Web.Authorization;

namespace NestPortal.Web.Pages.Groups.Members;

/// <summary>
/// An approved group names an active member as main contact, replacing one who left. The group's own
/// rule set (the one it was submitted under) decides how many it needs, not the rules in force today.
/// </summary>
public sealed class MainContactModel(
    NestPortalDbContext db, IAuthorizationService authorization, TimeProvider time, IStringLocalizer<SharedResource> l)
    : GroupPageModel(db, authorization, time, l)
{
    public ProgrammeRuleSet? RuleSet { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int memberId)
    {
        if (!await LoadAsync(id, memberId)) return NotFound();
        if (Group.Status != GroupStatus.Approved) return RedirectToPage("/Groups/Details", new { id });
        Version = Group.ConcurrencyStamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int memberId)
    {
        if (!await LoadAsync(id, memberId)) return NotFound();
        if (RuleSet is null)
        {
            // Only a group that was never submitted lacks a rule set, and such a group edits the member instead.
            ModelState.AddModelError(string.Empty, L["Hauptansprechpersonen werden hier nur für freigegebene Gruppen neu benannt; sonst bearbeiten Sie das Mitglied."]);
            return Page();
        }

        return await TryChangeAsync(() => Group.AppointMainContact(memberId, RuleSet, User.ToActor(), UtcNow))
            ? Done(L["{0} ist jetzt Hauptansprechperson.", Member.DisplayName], id)
            : Page();
    }

    /// <summary>The member and the rule set the group was submitted under.</summary>
    private async Task<bool> LoadAsync(int id, int memberId)
    {
        if (!await LoadMemberAsync(id, memberId)) return false;
        RuleSet = Group.RuleSetId is { } ruleSetId ? await Db.RuleSets.AsNoTracking().SingleAsync(r => r.Id == ruleSetId) : null;
        return true;
    }
}
