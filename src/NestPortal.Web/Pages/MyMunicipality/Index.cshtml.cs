using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Households;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.MyMunicipality;

/// <summary>
/// The municipality's dashboard: the households allocated to it, who arrives soon, whose rent period
/// ends soon (the benefits office takes over the rent then) and which allocations still wait for
/// acknowledgement. Every list starts from <see cref="HouseholdScope"/> and is projected in one query,
/// so the number of SQL commands per request does not grow with the rows.
/// </summary>
public sealed class IndexModel(NestPortalDbContext db, TimeProvider time, MunicipalityRegister register) : PageModel
{
    public const int ArrivalDays = 60;
    public const int RentEndDays = 90;

    /// <summary>The short lists show the most urgent rows; their counts say how many there are in all.</summary>
    public const int ShortListSize = 25;

    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public MunicipalityRegister.Entry Municipality { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public Paged<HouseholdRow> Households { get; private set; } = null!;
    public ShortList<ArrivalRow> Arrivals { get; private set; } = null!;
    public ShortList<RentEndRow> RentEnds { get; private set; } = null!;
    public ShortList<UnacknowledgedRow> Unacknowledged { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var ags = User.MunicipalityAgs();
        var municipality = ags is { } bound ? (await register.GetAsync(HttpContext.RequestAborted)).Find(bound) : null;
        if (municipality is null) return NotFound();
        Municipality = municipality;
        Today = time.TodayInGermany();

        var visible = db.HouseholdsVisibleTo(User);
        Households = await AllocatedAsync(visible);
        Arrivals = await ShortList<ArrivalRow>.LoadAsync(ArrivingSoon(visible));
        RentEnds = await ShortList<RentEndRow>.LoadAsync(RentEndingSoon(visible));
        Unacknowledged = await ShortList<UnacknowledgedRow>.LoadAsync(NotAcknowledged(visible, municipality.Ags));
        return Page();
    }

    private Task<Paged<HouseholdRow>> AllocatedAsync(IQueryable<Household> visible)
    {
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var pattern = SearchPattern.Contains(Search);
            visible = visible.Where(h => EF.Functions.Like(h.Reference, pattern, SearchPattern.Escape)
                                         || h.Persons.Any(p => EF.Functions.Like(p.FamilyName, pattern, SearchPattern.Escape)));
        }

        return visible
            .OrderBy(h => h.PrincipalName).ThenBy(h => h.Reference).ThenBy(h => h.Id)
            .Select(h => new HouseholdRow(h.Id, h.Reference, h.PrincipalName, h.Persons.Count, h.Status, h.ExpectedArrival, h.FirstArrival,
                h.Allocations.Any(a => a.SupersededAtUtc == null && a.AcknowledgedAtUtc != null)))
            .ToPagedAsync(PageNumber);
    }

    private IQueryable<ArrivalRow> ArrivingSoon(IQueryable<Household> visible)
    {
        var until = Today.AddDays(ArrivalDays);
        return visible
            .Where(h => h.FirstArrival == null && h.ExpectedArrival >= Today && h.ExpectedArrival <= until)
            .OrderBy(h => h.ExpectedArrival).ThenBy(h => h.Id)
            .Select(h => new ArrivalRow(h.Id, h.Reference, h.PrincipalName, h.Persons.Count, h.ExpectedArrival!.Value));
    }

    private IQueryable<RentEndRow> RentEndingSoon(IQueryable<Household> visible)
    {
        var until = Today.AddDays(RentEndDays);
        // SQLite plans this from the municipality's households to their sponsorship (unique by household), not from
        // the RentEndsOn index across all of NRW (checked, docs/performance.md "Lists and the dashboard").
        return from h in visible
               join s in db.Sponsorships on h.Id equals s.HouseholdId
               where s.RentEndsOn >= Today && s.RentEndsOn <= until
               orderby s.RentEndsOn, h.Id
               select new RentEndRow(h.Id, h.Reference, h.PrincipalName, s.RentEndsOn!.Value, s.Apartment.MonthlyNetColdRent,
                   s.Apartment.Street, s.Apartment.PostalCode, s.Apartment.City);
    }

    private static IQueryable<UnacknowledgedRow> NotAcknowledged(IQueryable<Household> visible, Domain.Municipalities.Ags ags) =>
        from h in visible
        from a in h.Allocations
        where a.SupersededAtUtc == null && a.AcknowledgedAtUtc == null && a.MunicipalityAgs == ags
        orderby a.DecisionDate, h.Id
        select new UnacknowledgedRow(h.Id, h.Reference, h.PrincipalName, a.DecisionDate, a.FileReference, a.EffectiveDate);

    public PagerModel Pager => new(Households.PageNumber, Households.PageCount, Households.Total,
        new Dictionary<string, string?> { ["search"] = Search });

    public sealed record HouseholdRow(int Id, string Reference, string? Name, int Persons, HouseholdStatus Status,
        DateOnly? ExpectedArrival, DateOnly? FirstArrival, bool Acknowledged);

    public sealed record ArrivalRow(int Id, string Reference, string? Name, int Persons, DateOnly ExpectedArrival);

    public sealed record RentEndRow(int Id, string Reference, string? Name, DateOnly RentEndsOn, decimal MonthlyNetColdRent,
        string Street, string PostalCode, string City);

    public sealed record UnacknowledgedRow(int Id, string Reference, string? Name, DateOnly DecisionDate, string FileReference, DateOnly EffectiveDate);
}

/// <summary>The first rows of a list and how many there are in all: one SQL command, whatever the count.</summary>
public sealed record ShortList<T>(IReadOnlyList<T> Items, int Total)
{
    public bool IsTruncated => Total > Items.Count;

    /// <summary>The rows with the total beside each (an uncorrelated subquery, evaluated once); no row means a total of 0.</summary>
    public static async Task<ShortList<T>> LoadAsync(IQueryable<T> query)
    {
        var rows = await query.Take(IndexModel.ShortListSize).Select(item => new { Item = item, Total = query.Count() }).ToListAsync();
        return new(rows.ConvertAll(r => r.Item), rows.Count == 0 ? 0 : rows[0].Total);
    }
}
