using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.Reports;

namespace NestPortal.Web.Pages.Reports;

/// <summary>
/// What the report's pages share: the GET form (Stichtag, von Jahr, bis Jahr), its validation, and the
/// report with its tables. Bad input keeps the form with the German message and shows no figures.
/// </summary>
public abstract class ReportPageModel(AnnualReportQuery query, IValidator<ReportInput> validator, TimeProvider time,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Stichtag")]
    public DateOnly? Stichtag { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "von Jahr")]
    public int? FromYear { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "bis Jahr")]
    public int? ToYear { get; set; }

    /// <summary>The report, or null when the input was invalid.</summary>
    public AnnualReport? Report { get; private set; }

    public IReadOnlyList<ReportTable> Tables { get; private set; } = [];

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
        var input = new ReportInput { Stichtag = Stichtag, FromYear = FromYear, ToYear = ToYear };
        if (!ModelState.IsValid || !await validator.ValidateIntoAsync(input, ModelState, prefix: string.Empty)) return;

        var request = input.ToRequest(time.TodayInGermany());
        // The form shows what the report used, defaults and a cut-back last year included (not what was typed).
        (Stichtag, FromYear, ToYear) = (request.Stichtag, request.FromYear, request.ToYear);
        ModelState.Clear();
        ReportRoute = ReportInput.RouteValues(request);
        Report = await query.RunAsync(request, cancellationToken);
        Tables = Report.ToTables(l);
    }
}
