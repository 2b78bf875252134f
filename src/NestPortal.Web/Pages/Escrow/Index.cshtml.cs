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
public sealed class IndexModel(NestPortalDbContext db, TimeProvider time, Banking.Reconciler reconciler, MunicipalityRegister register) : PageModel
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
        var accounts = db.Sponsorships.AsQueryable();
        switch (Filter)
        {
            case EscrowFilter.Underfunded: accounts = accounts.Where(s => s.EscrowShortfall > 0); break;
            case EscrowFilter.EndingSoon:
                accounts = accounts.Where(s => s.Status == SponsorshipStatus.Running && s.RentEndsOn >= today && s.RentEndsOn <= soon);
                break;
            case EscrowFilter.Completed: accounts = accounts.Where(s => s.Status == SponsorshipStatus.Completed); break;
            case EscrowFilter.ReconciliationWarnings:
                // Warnings depend on today and on every statement entry, so they are derived for the reconciled accounts, not stored.
                var warned = await reconciler.AccountsWithWarningsAsync(HttpContext.RequestAborted);
                accounts = accounts.Where(s => warned.Contains(s.Id));
                break;
        }

        if (!string.IsNullOrWhiteSpace(Search))
        {
            var pattern = SearchPattern.Contains(Search);
            accounts = accounts.Where(s => db.MentoringGroups.Any(g => g.Id == s.GroupId && EF.Functions.Like(g.Name, pattern, SearchPattern.Escape))
                                           || db.Households.Any(h => h.Id == s.HouseholdId && EF.Functions.Like(h.Reference, pattern, SearchPattern.Escape)));
        }

        // Sort and page the sponsorships' own columns first; the group, household and this month's rent are
        // looked up for the page's rows only (before, for every account ahead of the sort: the list slowed as
        // the data grew). Running accounts first, the soonest end first: those need attention before the others.
        // The order is an index's (ADR 0035): the page reads 20 entries, it does not sort every sponsorship.
        var page = await accounts
            .InEscrowListOrder()
            .Select(s => s.Id)
            .ToPagedAsync(PageNumber);
        var ids = page.Items;
        var shown = ids.Count == 0 ? [] : await db.Sponsorships.Where(s => ids.Contains(s.Id)).Select(s => new
        {
            s.Id,
            s.Status,
            s.RentEndsOn,
            s.EscrowBalance,
            s.EscrowShortfall,
            s.ReadyForArrivalOn,
            s.Apartment.MunicipalityAgs,
            Group = db.MentoringGroups.Where(g => g.Id == s.GroupId).Select(g => g.Name).First(),
            Household = db.Households.Where(h => h.Id == s.HouseholdId).Select(h => h.Reference).First(),
            // The rent this month: the latest change effective by now, else the flat's rent (as Sponsorship.RentFor).
            Rent = s.RentChanges.Where(c => c.EffectiveMonth <= month)
                       .OrderByDescending(c => c.EffectiveMonth).ThenByDescending(c => c.RecordedAtUtc)
                       .Select(c => (decimal?)c.MonthlyNetColdRent).FirstOrDefault()
                   ?? s.Apartment.MonthlyNetColdRent,
        }).ToListAsync();
        var municipalities = await register.GetAsync(HttpContext.RequestAborted);
        var byId = shown.ToDictionary(x => x.Id, x => new Row(x.Id, x.Group, x.Household, municipalities.NameOf(x.MunicipalityAgs), x.Rent,
            x.EscrowBalance, x.EscrowShortfall, x.RentEndsOn, x.Status, x.ReadyForArrivalOn));
        // In the page's order; an account deleted between the two queries is left out.
        Result = new Paged<Row>(ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList(), page.PageNumber, page.PageSize, page.Total);
    }

    public PagerModel Pager => new(Result.PageNumber, Result.PageCount, Result.Total, new Dictionary<string, string?>
    {
        ["search"] = Search, ["filter"] = Filter.ToString(),
    });

    public sealed record Row(int Id, string Group, string Household, string Municipality, decimal Rent, decimal Balance,
        decimal Shortfall, DateOnly? RentEndsOn, SponsorshipStatus Status, DateOnly? ReadyForArrivalOn);
}
