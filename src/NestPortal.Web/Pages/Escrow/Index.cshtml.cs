using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Escrow;

/// <summary>Which escrow accounts the list shows.</summary>
public enum EscrowFilter
{
    All,

    /// <summary>The stored shortfall is above zero: the account will not cover the rent period.</summary>
    Underfunded,

    /// <summary>Running, and the rent from the account ends within <see cref="IndexModel.EndingSoonDays"/> days.</summary>
    EndingSoon,

    Completed,

    /// <summary>The reconciliation with the bank statements warns (ADR 0025): a month unconfirmed, the bank below the ledger, an unknown debit.</summary>
    ReconciliationWarnings,
}

/// <summary>
/// Every escrow account (one per sponsorship) for the competence centre, searchable by group and
/// household reference and filtered by the stored balance and shortfall. Projected, never loaded as
/// sponsorships: a sponsorship entity brings its whole ledger with it.
/// </summary>
public sealed class IndexModel(NestPortalDbContext db, TimeProvider time, Banking.Reconciler reconciler) : PageModel
{
    /// <summary>How far ahead "endet bald" looks: the municipality is told 90 days ahead, too.</summary>
    public const int EndingSoonDays = 90;

    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public EscrowFilter Filter { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public Paged<Row> Result { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var today = time.TodayInGermany();
        var month = new DateOnly(today.Year, today.Month, 1);
        var soon = today.AddDays(EndingSoonDays);
        var query = db.Sponsorships.Select(s => new
        {
            s.Id,
            s.Status,
            s.RentEndsOn,
            s.EscrowBalance,
            s.EscrowShortfall,
            s.ReadyForArrivalOn,
            Group = db.MentoringGroups.Where(g => g.Id == s.GroupId).Select(g => g.Name).First(),
            Household = db.Households.Where(h => h.Id == s.HouseholdId).Select(h => h.Reference).First(),
            Municipality = db.Municipalities.Where(m => m.Ags == s.Apartment.MunicipalityAgs).Select(m => m.Name).First(),
            // The rent this month: the latest change effective by now, else the flat's rent (as Sponsorship.RentFor).
            Rent = s.RentChanges.Where(c => c.EffectiveMonth <= month)
                       .OrderByDescending(c => c.EffectiveMonth).ThenByDescending(c => c.RecordedAtUtc)
                       .Select(c => (decimal?)c.MonthlyNetColdRent).FirstOrDefault()
                   ?? s.Apartment.MonthlyNetColdRent,
        });
        // Warnings depend on today and on every statement entry, so they are derived per reconciled account, not stored.
        var warned = Filter == EscrowFilter.ReconciliationWarnings ? await reconciler.AccountsWithWarningsAsync() : [];
        query = Filter switch
        {
            EscrowFilter.Underfunded => query.Where(x => x.EscrowShortfall > 0),
            EscrowFilter.EndingSoon => query.Where(x => x.Status == SponsorshipStatus.Running && x.RentEndsOn >= today && x.RentEndsOn <= soon),
            EscrowFilter.Completed => query.Where(x => x.Status == SponsorshipStatus.Completed),
            EscrowFilter.ReconciliationWarnings => query.Where(x => warned.Contains(x.Id)),
            _ => query,
        };
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var pattern = SearchPattern.Contains(Search);
            query = query.Where(x => EF.Functions.Like(x.Group, pattern, SearchPattern.Escape)
                                     || EF.Functions.Like(x.Household, pattern, SearchPattern.Escape));
        }

        // Running accounts first, the soonest end first: those need attention before the others.
        Result = await query
            .OrderBy(x => x.Status == SponsorshipStatus.Running ? 0 : 1)
            .ThenBy(x => x.RentEndsOn == null ? 1 : 0)
            .ThenBy(x => x.RentEndsOn)
            .ThenBy(x => x.Id)
            .Select(x => new Row(x.Id, x.Group, x.Household, x.Municipality, x.Rent, x.EscrowBalance, x.EscrowShortfall,
                x.RentEndsOn, x.Status, x.ReadyForArrivalOn))
            .ToPagedAsync(PageNumber);
    }

    public PagerModel Pager => new(Result.PageNumber, Result.PageCount, Result.Total, new Dictionary<string, string?>
    {
        ["search"] = Search, ["filter"] = Filter.ToString(),
    });

    public sealed record Row(int Id, string Group, string Household, string Municipality, decimal Rent, decimal Balance,
        decimal Shortfall, DateOnly? RentEndsOn, SponsorshipStatus Status, DateOnly? ReadyForArrivalOn);
}
