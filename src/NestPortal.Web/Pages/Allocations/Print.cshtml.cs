using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Households;
using NestPortal.Web.Authorization;

namespace NestPortal.Web.Pages.Allocations;

/// <summary>The decision letter (Zuweisungsentscheidung) for printing on A4; a superseded one says so.</summary>
public sealed class PrintModel(NestPortalDbContext db) : PageModel
{
    public Allocation Allocation { get; private set; } = null!;
    public Household Household { get; private set; } = null!;
    public Domain.Municipalities.Municipality Municipality { get; private set; } = null!;

    /// <summary>The decision this one replaced, if any.</summary>
    public Allocation? Replaced { get; private set; }

    /// <summary>The decision that replaced this one, if any.</summary>
    public Allocation? ReplacedBy { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var householdId = await db.Allocations.Where(a => a.Id == id).Select(a => (int?)a.HouseholdId).SingleOrDefaultAsync();
        if (householdId is null) return NotFound();
        var household = await db.HouseholdsVisibleTo(User).AsNoTracking().Include(h => h.Persons).Include(h => h.Allocations).AsSplitQuery()
            .SingleOrDefaultAsync(h => h.Id == householdId);
        if (household is null) return NotFound();
        Household = household;
        Allocation = household.Allocations.Single(a => a.Id == id);
        // Decisions are only ever added, so the neighbours by id are the one replaced and the replacement.
        Replaced = household.Allocations.Where(a => a.Id < id).MaxBy(a => a.Id);
        ReplacedBy = household.Allocations.Where(a => a.Id > id).MinBy(a => a.Id);
        Municipality = await db.Municipalities.SingleAsync(m => m.Ags == Allocation.MunicipalityAgs);
        return Page();
    }
}
