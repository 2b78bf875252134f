using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Municipalities;

namespace NestPortal.Web.Pages.Municipalities;

/// <summary>The municipality a page's {ags} names: null (404) for anything that is not an NRW municipality's key.</summary>
public static class MunicipalityRoute
{
    public static async Task<Domain.Municipalities.Municipality?> FindAsync(NestPortalDbContext db, string? ags) =>
        Ags.TryParse(ags, out var key) && ags!.Length == 8
            ? await db.Municipalities.SingleOrDefaultAsync(m => m.Ags == key)
            : null;
}
