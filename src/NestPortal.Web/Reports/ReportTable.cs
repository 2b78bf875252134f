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
}

public sealed record ReportColumn(string Header, ReportValueKind Kind);

/// <summary>
/// One table of the yearly report as every output shows it: the screen, the print view, the CSV and
/// the XLSX (a sheet per table) all render these, so they cannot disagree about a number.
/// Headers and text cells are already localised; cells hold string, int, decimal or DateOnly (or null).
/// </summary>
/// <param name="Key">A stable English name for the table (sheet names fall back to it, tests find tables by it).</param>
/// <param name="Title">The localised caption.</param>
public sealed record ReportTable(string Key, string Title, IReadOnlyList<ReportColumn> Columns, IEnumerable<IReadOnlyList<object?>> Rows);
