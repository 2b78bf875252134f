using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.Infrastructure.Downloads;
using NestPortal.Web.Reports;

namespace NestPortal.Web.Pages.Reports;

/// <summary>
/// The yearly report as CSV or XLSX, for the same Stichtag and years as the report on screen (the same
/// query parameters), rendered from the same tables, so the files hold the numbers the screen shows.
/// The files are written into the response as they are produced.
/// </summary>
public sealed class ExportModel(AnnualReportQuery query, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? Stichtag { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? FromYear { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? ToYear { get; set; }

    /// <summary>Nothing to show here: back to the report with the same request.</summary>
    public IActionResult OnGet() => RedirectToPage("./Index", new { Stichtag = Stichtag?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), FromYear, ToYear });

    public Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        ExportAsync("csv", ReportCsvWriter.ContentType, ReportCsvWriter.WriteAsync, cancellationToken);

    public Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken) =>
        ExportAsync("xlsx", ReportXlsxWriter.ContentType, ReportXlsxWriter.WriteAsync, cancellationToken);

    private async Task<IActionResult> ExportAsync(string extension, string contentType,
        Func<Stream, IEnumerable<ReportTable>, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var (request, error) = ReportRequestInput.Validate(Stichtag, FromYear, ToYear, ModelState.IsValid, time.TodayInGermany(), l);
        if (request is null)
            return new ContentResult { StatusCode = StatusCodes.Status400BadRequest, Content = error, ContentType = "text/plain; charset=utf-8" };

        var tables = (await query.RunAsync(request, cancellationToken)).ToTables(l);
        return new StreamedFileResult(contentType, ReportCsvWriter.FileName(request.Stichtag, extension),
            (body, token) => write(body, tables, token));
    }
}
