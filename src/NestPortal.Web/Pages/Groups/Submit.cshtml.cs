using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Common;
using NestPortal.Web.Authorization;
using NestPortal.Web.Notifications;

namespace NestPortal.Web.Pages.Groups;

/// <summary>
/// Submits the group to the competence centre under the rule set in force today. The page shows what
/// is still missing before the button, and again after it if anything changed meanwhile.
/// </summary>
public sealed class SubmitModel(
    NestPortalDbContext db, IAuthorizationService authorization, TimeProvider time, IStringLocalizer<SharedResource> l,
    Notifier notifier, ILogger<SubmitModel> logger) : GroupPageModel(db, authorization, time, l)
{
    public IReadOnlyList<DomainError> Missing { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadGroupAsync(id)) return NotFound();
        if (!Group.IsEditableByGroup) return RedirectToPage("./Details", new { id });
        Missing = Group.CheckSubmission(RulesInForce, Today, ProgrammeEnd);
        Version = Group.ConcurrencyStamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadGroupAsync(id)) return NotFound();
        if (await TryChangeAsync(() => Group.Submit(RulesInForce, Today, User.ToActor(), UtcNow, ProgrammeEnd),
                notify: () => notifier.ToCompetenceCentreAsync(GroupNotices.Submitted(Group))))
        {
            logger.LogInformation("Group {GroupId} submitted", id);
            return Done(L["Die Gruppe ist eingereicht. Das Kompetenzzentrum für Integration prüft sie jetzt."], id);
        }

        Missing = Group.CheckSubmission(RulesInForce, Today, ProgrammeEnd);
        return Page();
    }
}
