using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NestPortal.Web.PageModels;
using NestPortal.Web.Reports;

namespace NestPortal.Web.Pages.Reports;

/// <summary>
/// One table of the yearly report on its own page (<c>/Reports/Table?Key=Municipalities&amp;Stichtag=…</c>), paged and
/// searchable: where the report page shows a long table's first rows only. The figures come from the same
/// report (<see cref="AnnualReportCache"/>) as every other output; an unknown table is 404.
/// </summary>
public sealed class TableModel(AnnualReportCache reports, IValidator<ReportInput> validator, TimeProvider time, IStringLocalizer<SharedResource> l)
    : ReportQueryPageModel(validator, time)
{
    public const int PageSize = 50;

    /// <summary>The table's stable key (<see cref="AnnualReport.Keys"/>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Key { get; set; }

    /// <summary>Rows with a cell containing this text, as shown (a name, an AGS, a year).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    /// <summary>The table with the rows of this page only, or null when the request was invalid.</summary>
    public ReportTable? Table { get; private set; }

    public Paged<IReadOnlyList<object?>>? Rows { get; private set; }

    public IDictionary<string, string> ReportRoute { get; private set; } = new Dictionary<string, string>();

    public PagerModel Pager => new(Rows!.PageNumber, Rows.PageCount, Rows.Total,
        new Dictionary<string, string?>(ReportRoute.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)))
        {
            [nameof(Key)] = Key, [nameof(Search)] = Search,
        });

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Key is null || !AnnualReport.SheetNames(l).ContainsKey(Key)) return NotFound();
        if (await ValidRequestAsync() is not { } request) return Page();

        ReportRoute = ReportInput.RouteValues(request);
        var table = (await reports.GetWithTablesAsync(request, l, cancellationToken)).Tables.Single(t => t.Key == Key);
        var culture = CultureInfo.CurrentCulture;
        var term = Search?.Trim();
        var matching = string.IsNullOrEmpty(term)
            ? table.Rows.ToList()
            : table.Rows.Where(row => row.Any(cell => ReportCells.Format(cell, culture).Contains(term, StringComparison.CurrentCultureIgnoreCase))).ToList();
        var pageCount = Math.Max(1, (matching.Count + PageSize - 1) / PageSize);
        var page = Math.Clamp(PageNumber, 1, pageCount);
        Rows = new Paged<IReadOnlyList<object?>>(matching.Skip((page - 1) * PageSize).Take(PageSize).ToList(), page, PageSize, matching.Count);
        Table = table with { Rows = Rows.Items };
        return Page();
    }
}
