using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Common;
using NestPortal.Web.Infrastructure;

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
        var ruleSetName = Group.RuleSetId is { } ruleSetId
            ? await Db.RuleSets.Where(r => r.Id == ruleSetId).Select(r => r.Name).SingleAsync()
            : null;
        Overview = new GroupOverview(Group, await MunicipalityLookup.LabelAsync(Db, Group.HomeMunicipalityAgs) ?? "", ruleSetName, Group.IsEditableByGroup);
        if (Group.IsEditableByGroup) Missing = Group.CheckSubmission(RulesInForce, Today);
        return Page();
    }
}
