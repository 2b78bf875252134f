using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Web.Authorization;
using Microsoft.EntityFrameworkCore;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.Notifications;

namespace NestPortal.Web.Pages.Groups.Members;

/// <summary>
/// A member of an approved group leaves early (KA 5514, answer 4): the record stays as the group's
/// history; the household and the rent are not affected.
/// </summary>
public sealed class LeaveModel(
    NestPortalDbContext db, IAuthorizationService authorization, TimeProvider time, IStringLocalizer<SharedResource> l,
    IValidator<EndingInput> validator, Notifier notifier) : GroupPageModel(db, authorization, time, l)
{
    [BindProperty] public EndingInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, int memberId)
    {
        if (!await LoadMemberAsync(id, memberId)) return NotFound();
        // Drafts remove a member instead; a member who left cannot leave again.
        if (Group.Status != GroupStatus.Approved || Member.HasLeft) return RedirectToPage("/Groups/Details", new { id });
        Input.On = Today;
        Version = Group.ConcurrencyStamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int memberId)
    {
        if (!await LoadMemberAsync(id, memberId)) return NotFound();
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();
        return await TryChangeAsync(() => Group.RecordMemberLeaving(memberId, Input.On!.Value, Input.Reason!, Today, User.ToActor(), UtcNow),
                notify: NotifyUnderstaffedAsync)
            ? Done(L["Das Ausscheiden von {0} ist erfasst.", Member.DisplayName], id)
            : Page();
    }

    /// <summary>A departure that leaves the group below its rules' minimum is told to the group and the competence centre.</summary>
    private async Task NotifyUnderstaffedAsync()
    {
        if (Group.RuleSetId is not { } ruleSetId) return;
        var ruleSet = await Db.RuleSets.AsNoTracking().SingleAsync(r => r.Id == ruleSetId);
        var warnings = Group.StaffingWarnings(ruleSet);
        if (warnings.Count == 0) return;
        await notifier.ToGroupAsync(Group.Id, GroupNotices.StaffingBelowMinimum(Group, warnings, forStaff: false));
        await notifier.ToCompetenceCentreAsync(GroupNotices.StaffingBelowMinimum(Group, warnings, forStaff: true));
    }
}
