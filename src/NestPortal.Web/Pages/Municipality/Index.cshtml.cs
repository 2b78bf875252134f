using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Municipalities;
using NestPortal.Web.Authorization;

namespace NestPortal.Web.Pages.Municipality;

/// <summary>
/// The municipality's start page: which municipality this account acts for. Households allocated to it
/// arrive with the allocation feature; the group register is not shown to municipalities.
/// </summary>
public sealed class IndexModel(NestPortalDbContext db) : PageModel
{
    public Domain.Municipalities.Municipality Municipality { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var ags = Ags.Parse(User.FindFirst(PortalClaims.MunicipalityAgs)!.Value);
        var municipality = await db.Municipalities.AsNoTracking().SingleOrDefaultAsync(m => m.Ags == ags);
        if (municipality is null) return NotFound();
        Municipality = municipality;
        return Page();
    }
}
