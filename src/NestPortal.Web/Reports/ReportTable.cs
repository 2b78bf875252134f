using Microsoft.Extensions.Localization;

namespace NestPortal.Web.Reports;

/// <summary>What a report column holds, so every output formats it the same way.</summary>
public enum ReportValueKind
{
    Text,

    /// <summary>A count (people, groups, events).</summary>
    Count,

    /// <summary>Euro, decimal with two places.</summary>
    Money,

    Date,

    /// <summary>
    /// A code written with digits that is no number (the AGS 05913000): text in every output, its leading
    /// zero kept (XLSX: a text cell; CSV: see <see cref="Infrastructure.Downloads.GermanCsvWriter.Code"/>).
    /// </summary>
    Code,
}

public sealed record ReportColumn(string Header, ReportValueKind Kind);

/// <summary>
/// One table of the yearly report as every output shows it: the screen, the print view, the CSV and
/// the XLSX (a sheet per table) all render these, so they cannot disagree about a number.
/// Headers and text cells are already localised; cells hold string, int, decimal or DateOnly (or null).
/// </summary>
/// <param name="Key">A stable English name for the table (tests find tables by it).</param>
/// <param name="Title">The localised caption.</param>
/// <param name="SheetName">
/// The localised name of its XLSX sheet, short enough for Excel's 31 characters, so no title is cut (a table
/// without one, never one of the report's, gets its title shortened at a word).
/// </param>
public sealed record ReportTable(string Key, string Title, IReadOnlyList<ReportColumn> Columns, IEnumerable<IReadOnlyList<object?>> Rows,
    string? SheetName = null);

/// <summary>What every sheet of an exported report states above its table: the report's title and its Stichtag, localised.</summary>
public sealed record ReportFileHeading(string Title, string Stichtag)
{
    public static ReportFileHeading For(ReportRequest request, IStringLocalizer l) =>
        new(l["Erfolgsbilanz NesT in Nordrhein-Westfalen"], l["Stichtag {0:dd.MM.yyyy}", request.Stichtag]);
}
