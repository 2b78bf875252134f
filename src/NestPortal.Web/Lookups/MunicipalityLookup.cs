using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Municipalities;

namespace NestPortal.Web.Lookups;

/// <summary>
/// Finds a municipality from what a person typed or picked in the search field: the option text
/// ("Name (PLZ) – AGS"), an AGS, an exact name or a postcode that only one municipality has. The
/// register knows one postcode per municipality, its town hall's (docs/reference-data.md): a person's
/// own postcode finds their municipality only if it happens to be that one, and the pages say so.
/// </summary>
public static partial class MunicipalityLookup
{
    /// <summary>Five digits: what people type when they search by postcode.</summary>
    public static bool LooksLikePostcode(string? text) => text?.Trim() is { Length: 5 } t && t.All(char.IsAsciiDigit);

    /// <summary>Says that the register has no municipality with this town-hall postcode, and to search by name.</summary>
    public static string PostcodeNotFound(IStringLocalizer l, string postcode) =>
        l["Zur Postleitzahl {0} ist keine Kommune verzeichnet. Das Gemeindeverzeichnis kennt je Kommune nur die Postleitzahl des Rathauses; bitte suchen Sie nach dem Namen der Kommune.",
            postcode.Trim()];

    /// <summary>
    /// Why <see cref="ResolveAsync"/> found nothing for <paramref name="text"/>: a postcode no town hall has,
    /// or (anything else, also a postcode two municipalities share) the request to pick from the list.
    /// </summary>
    public static async Task<string> NotFoundMessageAsync(NestPortalDbContext db, IStringLocalizer l, string? text)
    {
        if (await IsUnknownPostcodeAsync(db, text)) return PostcodeNotFound(l, text!);
        return l["Bitte wählen Sie eine Kommune in Nordrhein-Westfalen aus der Liste."];
    }

    /// <summary>Five digits that no municipality's town hall has.</summary>
    public static async Task<bool> IsUnknownPostcodeAsync(NestPortalDbContext db, string? text)
    {
        if (!LooksLikePostcode(text)) return false;
        var postcode = text!.Trim();
        return !await db.Municipalities.AnyAsync(m => m.Postcode == postcode);
    }

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

    public static async Task<string?> LabelAsync(NestPortalDbContext db, Ags ags) =>
        (await db.Municipalities.SingleOrDefaultAsync(m => m.Ags == ags)) is { } m ? OptionText(m) : null;

    [GeneratedRegex(@"\b05\d{6}$")]
    private static partial Regex TrailingAgs();
}
