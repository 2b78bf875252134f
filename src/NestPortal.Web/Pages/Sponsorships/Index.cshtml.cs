using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Sponsorships;

namespace NestPortal.Web.Pages.Sponsorships;

/// <summary>All sponsorships (Mentoring-Übernahmen), running first, searchable by group and household reference.</summary>
public sealed class IndexModel(NestPortalDbContext db, MunicipalityRegister register) : PageModel
{
    public const string AllStatuses = "all";

    [BindProperty(SupportsGet = true)] public string? Search { get; set; }

    /// <summary>"all", a status, or nothing (running sponsorships).</summary>
    [BindProperty(SupportsGet = true, Name = "status")] public string? StatusFilter { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public Paged<Row> Result { get; private set; } = null!;

    public SponsorshipStatus? Status => StatusFilter switch
    {
        null or "" => SponsorshipStatus.Running,
        AllStatuses => null,
        var text => Enum.TryParse<SponsorshipStatus>(text, out var status) ? status : SponsorshipStatus.Running,
    };

    public async Task OnGetAsync()
    {
        var sponsorships = db.Sponsorships.AsQueryable();
        if (Status is { } status) sponsorships = sponsorships.Where(s => s.Status == status);
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var pattern = SearchPattern.Contains(Search);
            sponsorships = sponsorships.Where(s => db.MentoringGroups.Any(g => g.Id == s.GroupId && EF.Functions.Like(g.Name, pattern, SearchPattern.Escape))
                                                   || db.Households.Any(h => h.Id == s.HouseholdId && EF.Functions.Like(h.Reference, pattern, SearchPattern.Escape)));
        }

        // Sort and page the sponsorships' own columns first, then look up group and household for the page's rows
        // only (as the escrow list does): looked up before the sort, they were read for every sponsorship.
        var page = await sponsorships.OrderByDescending(s => s.MatchedOn).ThenByDescending(s => s.Id).Select(s => s.Id).ToPagedAsync(PageNumber);
        var ids = page.Items;
        var shown = ids.Count == 0 ? [] : await db.Sponsorships.Where(s => ids.Contains(s.Id)).Select(s => new
        {
            s.Id,
            s.MatchedOn,
            s.RentEndsOn,
            s.Status,
            s.Apartment.MunicipalityAgs,
            Group = db.MentoringGroups.Where(g => g.Id == s.GroupId).Select(g => g.Name).First(),
            Household = db.Households.Where(h => h.Id == s.HouseholdId).Select(h => h.Reference).First(),
        }).ToListAsync();
        var municipalities = await register.GetAsync(HttpContext.RequestAborted);
        var byId = shown.ToDictionary(x => x.Id, x => new Row(x.Id, x.Household, x.Group, municipalities.NameOf(x.MunicipalityAgs), x.MatchedOn,
            x.RentEndsOn, x.Status));
        Result = new Paged<Row>(ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList(), page.PageNumber, page.PageSize, page.Total);
    }

    public PagerModel Pager => new(Result.PageNumber, Result.PageCount, Result.Total, new Dictionary<string, string?>
    {
        ["search"] = Search, ["status"] = Status?.ToString() ?? AllStatuses,
    });

    public sealed record Row(int Id, string Household, string Group, string Municipality, DateOnly MatchedOn, DateOnly? RentEndsOn,
        SponsorshipStatus Status);
}
