using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Outreach;

namespace NestPortal.Web.Pages.Municipalities;

/// <summary>One municipality: its register data, its Sicherer-Hafen decision, the outreach that reached it and how many households live there.</summary>
public sealed class DetailsModel(NestPortalDbContext db) : PageModel
{
    public Domain.Municipalities.Municipality Municipality { get; private set; } = null!;
    public IReadOnlyList<OutreachRow> Outreach { get; private set; } = [];
    public int AllocatedHouseholds { get; private set; }

    public async Task<IActionResult> OnGetAsync(string ags)
    {
        if (await MunicipalityRoute.FindAsync(db, ags) is not { } municipality) return NotFound();
        Municipality = municipality;
        var key = municipality.Ags;
        Ags? allocated = key;
        Outreach = await db.OutreachEvents
            .Where(o => o.Municipalities.Any(m => m.MunicipalityAgs == key))
            .OrderByDescending(o => o.HeldOn).ThenByDescending(o => o.Id)
            .Select(o => new OutreachRow(o.Id, o.HeldOn, o.Title, o.Kind, o.Municipalities.Any(m => m.MunicipalityAgs == key && m.Informed)))
            .ToListAsync();
        // A count only: the competence centre opens the households through their own list.
        AllocatedHouseholds = await db.Households.CountAsync(h => h.AllocatedMunicipalityAgs == allocated);
        return Page();
    }

    public sealed record OutreachRow(int Id, DateOnly HeldOn, string Title, OutreachKind Kind, bool Informed);
}
