using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Households;
using NestPortal.Domain.Municipalities;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Households;

/// <summary>
/// The competence centre's households: search by reference or a person's name, filter by status,
/// allocated municipality and arrival year, sort, and page by keyset (see <see cref="HouseholdKeyset"/>).
/// </summary>
public sealed class IndexModel(NestPortalDbContext db, MunicipalityRegister register) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public HouseholdStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Municipality { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public HouseholdSort Sort { get; set; }

    /// <summary>The id of the last row of the previous page: this page starts after it.</summary>
    [BindProperty(SupportsGet = true)] public int? After { get; set; }

    /// <summary>The id of the first row of the next page: this page ends before it.</summary>
    [BindProperty(SupportsGet = true)] public int? Before { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public bool HasPrevious { get; private set; }
    public bool HasNext { get; private set; }
    public bool MunicipalityUnknown { get; private set; }

    /// <summary>The municipality filter was a postcode no town hall has (the register knows no other).</summary>
    public bool UnknownPostcode { get; private set; }

    public async Task OnGetAsync()
    {
        var filtered = db.HouseholdsVisibleTo(User);
        if (Status is { } status) filtered = filtered.Where(h => h.Status == status);
        if (Year is { } year and >= 2000 and <= 2100)
        {
            var from = new DateOnly(year, 1, 1);
            var to = from.AddYears(1);
            filtered = filtered.Where(h => h.FirstArrival >= from && h.FirstArrival < to);
        }

        if (!string.IsNullOrWhiteSpace(Municipality))
        {
            if (await MunicipalityLookup.ResolveAsync(db, Municipality) is { } municipality)
            {
                Ags? ags = municipality.Ags;
                filtered = filtered.Where(h => h.AllocatedMunicipalityAgs == ags);
            }
            else
            {
                MunicipalityUnknown = true;
                UnknownPostcode = await MunicipalityLookup.IsUnknownPostcodeAsync(db, Municipality);
                return;
            }
        }

        if (!string.IsNullOrWhiteSpace(Search))
        {
            var pattern = SearchPattern.Contains(Search);
            filtered = filtered.Where(h => EF.Functions.Like(h.Reference, pattern, SearchPattern.Escape)
                                           || h.Persons.Any(p => EF.Functions.Like(p.FamilyName, pattern, SearchPattern.Escape)
                                                                 || EF.Functions.Like(p.GivenName, pattern, SearchPattern.Escape)));
        }

        var anchorId = Before ?? After;
        var anchor = anchorId is null ? null : await filtered.Where(h => h.Id == anchorId)
            .Select(h => new HouseholdKeyset.Anchor(h.Id, h.Reference, h.PrincipalName, h.FirstArrival)).SingleOrDefaultAsync();
        Municipalities = await register.GetAsync(HttpContext.RequestAborted);

        // The rows with the total beside each (an uncorrelated subquery, evaluated once): one command for both.
        if (anchor is not null && Before is not null)
        {
            // Backwards: the rows just before the anchor, read in reverse and turned round.
            var rows = await Project(filtered.Before(Sort, anchor).Descending(Sort)).Take(PageSize + 1)
                .Select(r => new { Row = r, Total = filtered.Count() }).ToListAsync();
            Total = rows.Count > 0 ? rows[0].Total : await filtered.CountAsync();
            HasPrevious = rows.Count > PageSize;
            HasNext = true;
            Rows = rows.Take(PageSize).Select(r => r.Row).Reverse().ToList();
        }
        else
        {
            var page = anchor is null ? filtered : filtered.After(Sort, anchor);
            var rows = await Project(page.Ascending(Sort)).Take(PageSize + 1)
                .Select(r => new { Row = r, Total = filtered.Count() }).ToListAsync();
            Total = rows.Count > 0 ? rows[0].Total : anchor is null ? 0 : await filtered.CountAsync();
            HasPrevious = anchor is not null;
            HasNext = rows.Count > PageSize;
            Rows = rows.Take(PageSize).Select(r => r.Row).ToList();
        }
    }

    /// <summary>The register the rows' municipality names come from (read once per process, not per row).</summary>
    public MunicipalityRegister.Entries? Municipalities { get; private set; }

    public string? MunicipalityName(Row row) => row.MunicipalityAgs is { } ags ? Municipalities?.NameOf(ags) : null;

    private static IQueryable<Row> Project(IQueryable<Household> households) =>
        households.Select(h => new Row(h.Id, h.Reference, h.PrincipalName, h.Persons.Count, h.Status, h.AllocatedMunicipalityAgs,
            h.ExpectedArrival, h.FirstArrival));

    /// <summary>The filters and sort a pager or sort link keeps, plus the cursor it sets.</summary>
    public Dictionary<string, string?> RouteWith(string? cursorName = null, int? cursor = null, HouseholdSort? sort = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["search"] = Search,
            ["status"] = Status?.ToString(),
            ["municipality"] = Municipality,
            ["year"] = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sort"] = (sort ?? Sort).ToString(),
        };
        if (cursorName is not null) values[cursorName] = cursor?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }

    public sealed record Row(int Id, string Reference, string? FamilyName, int PersonCount, HouseholdStatus Status,
        Ags? MunicipalityAgs, DateOnly? ExpectedArrival, DateOnly? FirstArrival);
}
