using FluentValidation;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using NestPortal.Web.Reports;

namespace NestPortal.Web.Pages.Reports;

/// <summary>
/// What the report's pages share: the GET form (<see cref="ReportQueryPageModel"/>) and the report with
/// its tables. Bad input keeps the form with the German message and shows no figures.
/// </summary>
public abstract class ReportPageModel(AnnualReportCache reports, IValidator<ReportInput> validator, TimeProvider time,
    IStringLocalizer<SharedResource> l) : ReportQueryPageModel(validator, time)
{
    /// <summary>The report, or null when the input was invalid.</summary>
    public AnnualReport? Report { get; private set; }

    public IReadOnlyList<ReportTable> Tables { get; private set; } = [];

    /// <summary>The charts of the yearly series (screen and print view), or null without a report.</summary>
    public YearlyChart? Chart { get; private set; }

    /// <summary>The query string of this report, for the links to its other outputs.</summary>
    public IDictionary<string, string> ReportRoute { get; private set; } = new Dictionary<string, string>();

    protected IStringLocalizer L => l;

    /// <summary>
    /// The export of this report (<c>/Reports/Export?handler=Csv&amp;Stichtag=…</c>); written out, not
    /// routed, because the export page is built on its own branch.
    /// </summary>
    public string ExportUrl(string handler) =>
        QueryHelpers.AddQueryString(Url.Content("~/Reports/Export"), new Dictionary<string, string?>(ReportRoute.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)))
        {
            ["handler"] = handler,
        });

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await ValidRequestAsync() is not { } request) return;

        // The form shows what the report used, defaults and a cut-back last year included (not what was typed).
        (Stichtag, FromYear, ToYear) = (request.Stichtag, request.FromYear, request.ToYear);
        ModelState.Clear();
        ReportRoute = ReportInput.RouteValues(request);
        (Report, Tables) = await reports.GetWithTablesAsync(request, l, cancellationToken);
        Chart = YearlyChart.For(Report, l);
    }
}
