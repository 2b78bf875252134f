using FluentValidation;
using Microsoft.Extensions.Localization;
using NestPortal.Web.Reports;

namespace NestPortal.Web.Pages.Reports;

/// <summary>
/// The yearly report on screen: the form, the charts of the yearly series and every table. A long table (the
/// breakdowns by Kreis and Gemeinde run to hundreds of rows at national scale) shows its first rows here and the
/// rest on its own page (<see cref="TableModel"/>), paged and searchable, so the page stays readable and small.
/// </summary>
public sealed class IndexModel(AnnualReportCache reports, IValidator<ReportInput> validator, TimeProvider time, IStringLocalizer<SharedResource> l)
    : ReportPageModel(reports, validator, time, l)
{
    /// <summary>A table with more rows than this is shortened here to <see cref="PreviewRows"/>.</summary>
    public const int LongTable = 50;

    public const int PreviewRows = 20;

    /// <summary>The table as this page shows it: whole, or its first rows when it is long.</summary>
    public static ReportTable Shown(ReportTable table, int rows) =>
        rows > LongTable ? table with { Rows = table.Rows.Take(PreviewRows).ToList() } : table;

    /// <summary>The query string of a table's own page: this report's parameters and the table's key.</summary>
    public IDictionary<string, string> TableRoute(string key) => new Dictionary<string, string>(ReportRoute) { [nameof(TableModel.Key)] = key };
}
