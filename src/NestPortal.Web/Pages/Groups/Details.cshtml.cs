using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Common;

namespace NestPortal.Web.Pages.Groups;

public sealed class DetailsModel(
    NestPortalDbContext db, IAuthorizationService authorization, TimeProvider time, IStringLocalizer<SharedResource> l)
    : GroupPageModel(db, authorization, time, l)
{
    public GroupOverview Overview { get; private set; } = null!;

    /// <summary>What still keeps the group from being submitted today; empty when it is ready.</summary>
    public IReadOnlyList<DomainError> Missing { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadGroupAsync(id)) return NotFound();
        Overview = await OverviewAsync(memberActions: Group.IsEditableByGroup);
        if (Group.IsEditableByGroup) Missing = Group.CheckSubmission(RulesInForce, Today);
        return Page();
    }
}
