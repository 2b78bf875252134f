using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NestPortal.Web.Infrastructure.Downloads;
using NestPortal.Web.Reports;

namespace NestPortal.Web.Pages.Reports;

/// <summary>
/// The yearly report as CSV or XLSX, for the same query parameters as the report on screen (read and
/// checked by the same <see cref="ReportQueryPageModel"/>), rendered from the same tables, so the files hold the
/// numbers the screen shows. The files are written into the response as they are produced.
/// </summary>
public sealed class ExportModel(AnnualReportCache reports, IValidator<ReportInput> validator, TimeProvider time, IStringLocalizer<SharedResource> l)
    : ReportQueryPageModel(validator, time)
{
    /// <summary>Nothing to show here: back to the report with the same request (it shows any error in its form).</summary>
    public IActionResult OnGet() => RedirectToPage("./Index", Request.Query.Where(q => q.Key != "handler")
        .ToDictionary(q => q.Key, q => (object?)q.Value.ToString()));

    public Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        ExportAsync("csv", ReportCsvWriter.ContentType, (body, _, tables, token) => ReportCsvWriter.WriteAsync(body, tables, token), cancellationToken);

    public Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken) =>
        ExportAsync("xlsx", ReportXlsxWriter.ContentType, (body, request, tables, token) =>
            ReportXlsxWriter.WriteAsync(body, ReportFileHeading.For(request, l), tables, token), cancellationToken);

    /// <summary>A request the report cannot answer gets 400 with the reasons in German, as the report's form would show them.</summary>
    private async Task<IActionResult> ExportAsync(string extension, string contentType,
        Func<Stream, ReportRequest, IEnumerable<ReportTable>, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        if (await ValidRequestAsync() is not { } request)
        {
            var reasons = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage);
            return new ContentResult
            {
                StatusCode = StatusCodes.Status400BadRequest, Content = string.Join(" ", reasons), ContentType = "text/plain; charset=utf-8",
            };
        }

        var tables = (await reports.GetWithTablesAsync(request, l, cancellationToken)).Tables;
        return new StreamedFileResult(contentType, ReportCsvWriter.FileName(request.Stichtag, extension),
            (body, token) => write(body, request, tables, token));
    }
}
