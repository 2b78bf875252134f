using Microsoft.EntityFrameworkCore;
using NestPortal.Data;

namespace NestPortal.Web.Pages.Outreach;

/// <summary>One of the NRW municipalities an outreach event can name, as the picker lists it.</summary>
public sealed record MunicipalityChoice(string Ags, string Name, string District, string Region, bool SafeHarbour)
{
    /// <summary>All municipalities by Regierungsbezirk, then name: the picker's groups.</summary>
    public static async Task<IReadOnlyList<MunicipalityChoice>> AllAsync(NestPortalDbContext db)
    {
        var all = await db.Municipalities.AsNoTracking()
            .Select(m => new { m.Ags, m.Name, m.District, m.AdministrativeRegion, m.SafeHarbourDeclaredOn })
            .ToListAsync();
        return all.Select(m => new MunicipalityChoice(m.Ags.Value, m.Name, m.District, m.AdministrativeRegion, m.SafeHarbourDeclaredOn is not null))
            .OrderBy(m => m.Region, StringComparer.CurrentCulture).ThenBy(m => m.Name, StringComparer.CurrentCulture)
            .ToList();
    }
}
