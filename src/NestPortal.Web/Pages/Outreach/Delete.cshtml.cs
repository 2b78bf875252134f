using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Outreach;

namespace NestPortal.Web.Pages.Outreach;

/// <summary>
/// Removes an entry recorded by mistake (a duplicate, the wrong event). The audit log keeps what it
/// said, so nothing is lost; an explicit confirmation guards against a slip of the mouse.
/// </summary>
public sealed class DeleteModel(NestPortalDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public Guid? Version { get; set; }
    [BindProperty] public bool Confirmed { get; set; }

    public OutreachEvent Outreach { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await db.OutreachEvents.SingleOrDefaultAsync(o => o.Id == id) is not { } outreach) return NotFound();
        Outreach = outreach;
        Version = outreach.ConcurrencyStamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await db.OutreachEvents.SingleOrDefaultAsync(o => o.Id == id) is not { } outreach) return NotFound();
        Outreach = outreach;
        if (!Confirmed)
        {
            ModelState.AddModelError(nameof(Confirmed), l["Bitte bestätigen Sie, dass die Maßnahme irrtümlich erfasst wurde und gelöscht werden soll."]);
            return Page();
        }

        var deleted = await db.TrySaveAsync(outreach, o => o.ConcurrencyStamp, Version, () => db.OutreachEvents.Remove(outreach), ModelState, l,
            new(l["Die Maßnahme wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu und prüfen Sie Ihre Eingaben."]));
        if (!deleted) return Page();
        TempData["Status"] = l["Die Maßnahme „{0}“ ist gelöscht.", outreach.Title].Value;
        return RedirectToPage("./Index");
    }
}
