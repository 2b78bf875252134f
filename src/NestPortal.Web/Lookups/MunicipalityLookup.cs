using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NestPortal.Data;
using NestPortal.Domain.Municipalities;

namespace NestPortal.Web.Lookups;

/// <summary>
/// Finds a municipality from what a person typed or picked in the search field: the option text
/// ("Name (PLZ) – AGS"), an AGS, an exact name or a postcode that only one municipality has.
/// </summary>
public static partial class MunicipalityLookup
{
    public static string OptionText(Municipality m) => $"{m.Name} ({m.Postcode}) – {m.Ags}";

    public static async Task<Municipality?> ResolveAsync(NestPortalDbContext db, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var trimmed = text.Trim();
        var agsMatch = TrailingAgs().Match(trimmed);
        if (agsMatch.Success && Ags.TryParse(agsMatch.Value, out var ags))
            return await db.Municipalities.SingleOrDefaultAsync(m => m.Ags == ags);

        var candidates = await db.Municipalities
            .Where(m => m.Name == trimmed || m.Postcode == trimmed || m.Name.StartsWith(trimmed + ","))
            .Take(2).ToListAsync();
        return candidates.Count == 1 ? candidates[0] : null;
    }

    public static async Task<IReadOnlyList<string>> AllOptionsAsync(NestPortalDbContext db, IMemoryCache cache) =>
        (await cache.GetOrCreateAsync("municipality-options", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1);
            var all = await db.Municipalities.OrderBy(m => m.Name).ToListAsync();
            return all.Select(OptionText).ToList();
        }))!;

    public static async Task<string?> LabelAsync(NestPortalDbContext db, Ags ags) =>
        (await db.Municipalities.SingleOrDefaultAsync(m => m.Ags == ags)) is { } m ? OptionText(m) : null;

    [GeneratedRegex(@"\b05\d{6}$")]
    private static partial Regex TrailingAgs();
}
