using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.MentoringGroups;

namespace NestPortal.Web.Pages.Review;

/// <summary>The competence centre's queue: submitted groups first, oldest submission first.</summary>
public sealed class IndexModel(NestPortalDbContext db, MunicipalityRegister register) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    /// <summary>"all", a status, or nothing (the queue: submitted groups). Kept as text so the pager can repeat "all".</summary>
    [BindProperty(SupportsGet = true, Name = "status")]
    [System.ComponentModel.DataAnnotations.DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? StatusFilter { get; set; }

    public GroupStatus? Status => StatusFilter switch
    {
        null => GroupStatus.Submitted,
        "" or AllStatuses => null,
        WithWarning => GroupStatus.Approved,
        var text => Enum.TryParse<GroupStatus>(text, out var status) ? status : GroupStatus.Submitted,
    };

    public const string AllStatuses = "all";

    /// <summary>Approved groups that departures left short of members or main contacts under their own rule set.</summary>
    public const string WithWarning = "warning";

    public bool OnlyWarnings => StatusFilter == WithWarning;
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public Paged<Row> Result { get; private set; } = null!;
    public IReadOnlyList<string> Regions { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Regions = (await register.GetAsync(HttpContext.RequestAborted)).Regions;
        // Ags is a value-converted key, which EF cannot use in a LINQ Join; correlated lookups translate.
        var query = db.MentoringGroups.Select(g => new
        {
            Group = g,
            Municipality = db.Municipalities.First(m => m.Ags == g.HomeMunicipalityAgs),
            // The same test as MentoringGroup.StaffingWarnings, in SQL: active members and main contacts against the group's rule set.
            NeedsStaffing = g.Status == GroupStatus.Approved && db.RuleSets.Any(r => r.Id == g.RuleSetId
                && (g.Members.Count(m => m.LeftOn == null) < r.MinimumMembers
                    || g.Members.Count(m => m.LeftOn == null && m.IsMainContact) < r.RequiredMainContacts)),
        });
        if (Status is { } status) query = query.Where(x => x.Group.Status == status);
        if (OnlyWarnings) query = query.Where(x => x.NeedsStaffing);
        if (!string.IsNullOrWhiteSpace(Region)) query = query.Where(x => x.Municipality.AdministrativeRegion == Region);
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var pattern = SearchPattern.Contains(Search);
            query = query.Where(x => EF.Functions.Like(x.Group.Name, pattern, SearchPattern.Escape)
                                     || EF.Functions.Like(x.Municipality.Name, pattern, SearchPattern.Escape)
                                     || x.Municipality.Postcode == Search.Trim());
        }

        Result = await query
            .OrderBy(x => x.Group.SubmittedOn == null)
            .ThenBy(x => x.Group.SubmittedOn)
            .ThenBy(x => x.Group.Name)
            .Select(x => new Row(x.Group.Id, x.Group.Name, x.Municipality.Name, x.Municipality.AdministrativeRegion,
                x.Group.Status, x.Group.SubmittedOn, x.Group.Members.Count(m => m.LeftOn == null), x.Group.SecurityCheckResult, x.NeedsStaffing))
            .ToPagedAsync(PageNumber);
    }

    public PagerModel Pager => new(Result.PageNumber, Result.PageCount, Result.Total, new Dictionary<string, string?>
    {
        ["search"] = Search, ["status"] = OnlyWarnings ? WithWarning : Status?.ToString() ?? AllStatuses, ["region"] = Region,
    });

    public sealed record Row(int Id, string Name, string Municipality, string Region, GroupStatus Status,
        DateOnly? SubmittedOn, int MemberCount, SecurityCheckResult? SecurityCheck, bool NeedsStaffing);
}
