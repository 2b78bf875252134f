using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Municipalities;

namespace NestPortal.Web.Pages.Municipalities;

/// <summary>
/// All NRW municipalities for the competence centre: search by name, AGS or the town hall's postcode (the
/// only one the register has), filter by Regierungsbezirk and Sicherer Hafen, with the decision date and
/// how many outreach events reached each.
/// </summary>
public sealed class IndexModel(NestPortalDbContext db, MunicipalityRegister register) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }

    /// <summary>true: only Sichere Häfen; false: only those without a decision; null: all.</summary>
    [BindProperty(SupportsGet = true)] public bool? SafeHarbour { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<string> Regions { get; private set; } = [];
    public Paged<Row> Result { get; private set; } = null!;

    /// <summary>The search was five digits and found nothing: the page explains which postcode the register knows.</summary>
    public bool UnknownPostcode { get; private set; }

    public async Task OnGetAsync()
    {
        Regions = (await register.GetAsync(HttpContext.RequestAborted)).Regions;
        var municipalities = db.Municipalities.AsQueryable();
        if (!string.IsNullOrWhiteSpace(Region)) municipalities = municipalities.Where(m => m.AdministrativeRegion == Region);
        if (SafeHarbour is { } safeHarbour)
            municipalities = safeHarbour ? municipalities.Where(m => m.SafeHarbourDeclaredOn != null) : municipalities.Where(m => m.SafeHarbourDeclaredOn == null);
        if (!string.IsNullOrWhiteSpace(Search))
        {
            if (Ags.TryParse(Search, out var ags))
            {
                municipalities = municipalities.Where(m => m.Ags == ags);
            }
            else
            {
                var pattern = SearchPattern.Contains(Search);
                // The key is stored through a converter, so LIKE cannot reach it: a partial AGS ("05913") is matched
                // against the 396 keys here, and the matches join the query as a list.
                var term = Search.Trim();
                var agsMatches = term.All(char.IsAsciiDigit)
                    ? (await db.Municipalities.Select(m => m.Ags).ToListAsync()).Where(a => a.Value.Contains(term, StringComparison.Ordinal)).ToList()
                    : [];
                municipalities = municipalities.Where(m => EF.Functions.Like(m.Name, pattern, SearchPattern.Escape)
                                                           || EF.Functions.Like(m.Postcode, pattern, SearchPattern.Escape)
                                                           || agsMatches.Contains(m.Ags));
            }
        }

        Result = await municipalities
            .OrderBy(m => m.Name).ThenBy(m => m.Ags)
            .Select(m => new Row(m.Ags, m.Name, m.District, m.AdministrativeRegion, m.Postcode, m.SafeHarbourDeclaredOn,
                db.OutreachMunicipalities.Count(o => o.MunicipalityAgs == m.Ags && o.Informed)))
            .ToPagedAsync(PageNumber);
        UnknownPostcode = Result.Total == 0 && MunicipalityLookup.LooksLikePostcode(Search);
    }

    public PagerModel Pager => new(Result.PageNumber, Result.PageCount, Result.Total, new Dictionary<string, string?>
    {
        ["search"] = Search, ["region"] = Region, ["safeHarbour"] = SafeHarbour?.ToString(),
    });

    public sealed record Row(Ags Ags, string Name, string District, string Region, string Postcode, DateOnly? SafeHarbourSince, int InformedBy);
}
