using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace NestPortal.Web.Reports;

/// <summary>
/// The report as an Excel workbook: one sheet per table, named after its localised title, with a header
/// row; counts and money are number cells (money formatted #,##0.00 €), dates are date cells. MiniExcel
/// writes the zip synchronously and wants to seek, so the workbook is written to a temporary file that
/// deletes itself and then streamed out asynchronously.
/// </summary>
public static class ReportXlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string MoneyFormat = "#,##0.00 €";
    public const string DateFormat = "dd.mm.yyyy";

    /// <summary>Excel's limit on a sheet name.</summary>
    public const int MaxSheetNameLength = 31;

    private static readonly char[] ForbiddenInSheetNames = ['[', ']', ':', '*', '?', '/', '\\'];

    public static async Task WriteAsync(Stream output, IEnumerable<ReportTable> tables, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(Path.GetTempPath(), $"nestportal-report-{Guid.NewGuid():N}.xlsx");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await WriteWorkbookAsync(file, tables.ToList(), cancellationToken);
        file.Position = 0;
        await file.CopyToAsync(output, cancellationToken);
    }

    /// <summary>Writes the workbook to a seekable stream (a file, or memory in tests).</summary>
    public static async Task WriteWorkbookAsync(Stream seekable, IReadOnlyList<ReportTable> tables, CancellationToken cancellationToken = default)
    {
        var names = SheetNames(tables);
        var sheets = new Dictionary<string, object>();
        var columns = new List<DynamicExcelColumn>();
        for (var t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            // Keys unique across the workbook: the column settings are global, and two tables may share a header.
            var keys = table.Columns.Select((_, c) => string.Create(CultureInfo.InvariantCulture, $"t{t}c{c}")).ToArray();
            columns.AddRange(table.Columns.Select((column, c) => Column(keys[c], column)));
            var rows = table.Rows.Select(row => Row(keys, table.Columns, row)).ToList();
            // MiniExcel writes an empty sheet without its header row: an empty line keeps the headers visible.
            if (rows.Count == 0) rows.Add(keys.ToDictionary(k => k, _ => (object?)null));
            sheets.Add(names[t], rows);
        }

        var configuration = new OpenXmlConfiguration
        {
            DynamicColumns = [.. columns],
            TableStyles = TableStyles.Default,
            AutoFilter = false,
            EnableWriteNullValueCell = true,
            Culture = CultureInfo.InvariantCulture,
        };
        await seekable.SaveAsAsync(sheets, printHeader: true, excelType: ExcelType.XLSX, configuration: configuration, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Sheet names from the titles: without the characters Excel refuses ([]:*?/\), at most 31 characters (a longer title cut with an ellipsis),
    /// unique regardless of case (Excel compares them so); a title with nothing left falls back to the key.
    /// </summary>
    public static IReadOnlyList<string> SheetNames(IReadOnlyList<ReportTable> tables)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>(tables.Count);
        foreach (var table in tables)
        {
            var name = Clean(table.Title);
            if (name.Length == 0) name = Clean(table.Key);
            if (name.Length == 0) name = "Tabelle";
            var unique = name;
            for (var n = 2; !used.Add(unique); n++)
            {
                var suffix = string.Create(CultureInfo.InvariantCulture, $" ({n})");
                unique = name[..Math.Min(name.Length, MaxSheetNameLength - suffix.Length)].TrimEnd() + suffix;
            }

            names.Add(unique);
        }

        return names;
    }

    private static string Clean(string text)
    {
        var kept = new string(text.Where(c => Array.IndexOf(ForbiddenInSheetNames, c) < 0 && !char.IsControl(c)).ToArray());
        // Excel also refuses an apostrophe at either end.
        kept = kept.Trim().Trim('\'').Trim();
        // A shortened title ends in an ellipsis, so nobody takes the cut word for the title.
        return kept.Length <= MaxSheetNameLength ? kept : kept[..(MaxSheetNameLength - 1)].TrimEnd() + "…";
    }

    private static DynamicExcelColumn Column(string key, ReportColumn column) => new(key)
    {
        Name = column.Header,
        Width = column.Kind == ReportValueKind.Text ? 36 : 16,
        Format = column.Kind switch
        {
            ReportValueKind.Money => MoneyFormat,
            ReportValueKind.Date => DateFormat,
            _ => null,
        },
    };

    private static Dictionary<string, object?> Row(string[] keys, IReadOnlyList<ReportColumn> columns, IReadOnlyList<object?> row)
    {
        var cells = new Dictionary<string, object?>(keys.Length);
        for (var i = 0; i < keys.Length; i++) cells[keys[i]] = Cell(columns[i].Kind, i < row.Count ? row[i] : null);
        return cells;
    }

    /// <summary>Numbers stay numbers and dates become date cells; anything else is written as its text.</summary>
    private static object? Cell(ReportValueKind kind, object? value) => (kind, value) switch
    {
        (_, null) => null,
        (ReportValueKind.Count, int or long) => value,
        (ReportValueKind.Money, decimal) => value,
        (ReportValueKind.Date, DateOnly date) => date.ToDateTime(TimeOnly.MinValue),
        (ReportValueKind.Date, DateTime) => value,
        (_, string) => value,
        _ => Convert.ToString(value, CultureInfo.GetCultureInfo("de-DE")),
    };
}
