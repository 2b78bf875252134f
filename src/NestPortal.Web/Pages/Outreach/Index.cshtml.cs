using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Outreach;

namespace NestPortal.Web.Pages.Outreach;

/// <summary>The outreach log (KA 5514, answer 5): newest first, searchable by title, filtered by year and kind.</summary>
public sealed class IndexModel(NestPortalDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public OutreachKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public Paged<Row> Result { get; private set; } = null!;

    /// <summary>Municipalities informed by at least one of the events found (each counted once).</summary>
    public int MunicipalitiesInformed { get; private set; }

    public async Task OnGetAsync()
    {
        var events = db.OutreachEvents.AsQueryable();
        if (Year is { } year and >= 2019 and <= 2100)
        {
            var from = new DateOnly(year, 1, 1);
            var to = from.AddYears(1);
            events = events.Where(o => o.HeldOn >= from && o.HeldOn < to);
        }

        if (Kind is { } kind) events = events.Where(o => o.Kind == kind);
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var pattern = SearchPattern.Contains(Search);
            events = events.Where(o => EF.Functions.Like(o.Title, pattern, SearchPattern.Escape));
        }

        MunicipalitiesInformed = await events.SelectMany(o => o.Municipalities).Where(m => m.Informed)
            .Select(m => m.MunicipalityAgs).Distinct().CountAsync();
        Result = await events
            .OrderByDescending(o => o.HeldOn).ThenByDescending(o => o.Id)
            .Select(o => new Row(o.Id, o.HeldOn, o.Title, o.Kind, o.Municipalities.Count, o.Municipalities.Count(m => m.Informed)))
            .ToPagedAsync(PageNumber);
    }

    public PagerModel Pager => new(Result.PageNumber, Result.PageCount, Result.Total, new Dictionary<string, string?>
    {
        ["search"] = Search, ["year"] = Year?.ToString(CultureInfo.InvariantCulture), ["kind"] = Kind?.ToString(),
    });

    public sealed record Row(int Id, DateOnly HeldOn, string Title, OutreachKind Kind, int Invited, int Informed);
}
