using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Sponsorships;

namespace NestPortal.Web.Pages.Sponsorships;

/// <summary>All sponsorships (Mentoring-Übernahmen), running first, searchable by group and household reference.</summary>
public sealed class IndexModel(NestPortalDbContext db) : PageModel
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
        var query = db.Sponsorships.Select(s => new
        {
            Sponsorship = s,
            Group = db.MentoringGroups.Where(g => g.Id == s.GroupId).Select(g => g.Name).First(),
            Household = db.Households.Where(h => h.Id == s.HouseholdId).Select(h => h.Reference).First(),
            Municipality = db.Municipalities.Where(m => m.Ags == s.Apartment.MunicipalityAgs).Select(m => m.Name).First(),
        });
        if (Status is { } status) query = query.Where(x => x.Sponsorship.Status == status);
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var pattern = SearchPattern.Contains(Search);
            query = query.Where(x => EF.Functions.Like(x.Group, pattern, SearchPattern.Escape)
                                     || EF.Functions.Like(x.Household, pattern, SearchPattern.Escape));
        }

        Result = await query
            .OrderByDescending(x => x.Sponsorship.MatchedOn)
            .ThenByDescending(x => x.Sponsorship.Id)
            .Select(x => new Row(x.Sponsorship.Id, x.Household, x.Group, x.Municipality, x.Sponsorship.MatchedOn,
                x.Sponsorship.RentEndsOn, x.Sponsorship.Status))
            .ToPagedAsync(PageNumber);
    }

    public PagerModel Pager => new(Result.PageNumber, Result.PageCount, Result.Total, new Dictionary<string, string?>
    {
        ["search"] = Search, ["status"] = Status?.ToString() ?? AllStatuses,
    });

    public sealed record Row(int Id, string Household, string Group, string Municipality, DateOnly MatchedOn, DateOnly? RentEndsOn,
        SponsorshipStatus Status);
}
