using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace NestPortal.Web.Reports;

/// <summary>
/// The report as an Excel workbook: one sheet per table, named by the table's <see cref="ReportTable.SheetName"/>;
/// above each table the report's title, the table's title and the Stichtag (a sheet copied out of the
/// workbook still says what it is and as of when), then a blank row, the header row and the rows.
/// Counts and money are number cells (money formatted #,##0.00 €), dates are date cells, codes (the
/// AGS) text cells formatted as text. MiniExcel writes the zip synchronously and wants to seek, so the
/// workbook is written to a temporary file that deletes itself and then streamed out asynchronously.
/// </summary>
public static class ReportXlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string MoneyFormat = "#,##0.00 €";
    public const string DateFormat = "dd.mm.yyyy";

    /// <summary>Excel's "Text" format: a code typed over in Excel stays text, its leading zero with it.</summary>
    public const string TextFormat = "@";

    /// <summary>Rows above a table: report title, table title, Stichtag, a blank row. The header is the row after them.</summary>
    public const int HeadingRows = 4;

    /// <summary>Excel's limit on a sheet name.</summary>
    public const int MaxSheetNameLength = 31;

    private static readonly char[] ForbiddenInSheetNames = ['[', ']', ':', '*', '?', '/', '\\'];

    public static async Task WriteAsync(Stream output, ReportFileHeading heading, IEnumerable<ReportTable> tables, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(Path.GetTempPath(), $"nestportal-report-{Guid.NewGuid():N}.xlsx");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await WriteWorkbookAsync(file, heading, tables.ToList(), cancellationToken);
        file.Position = 0;
        await file.CopyToAsync(output, cancellationToken);
    }

    /// <summary>Writes the workbook to a seekable stream (a file, or memory in tests).</summary>
    public static async Task WriteWorkbookAsync(Stream seekable, ReportFileHeading heading, IReadOnlyList<ReportTable> tables,
        CancellationToken cancellationToken = default)
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
            // The heading and the header are rows like the data (MiniExcel's own header row would be the first), in the first column.
            var rows = new List<Dictionary<string, object?>>
            {
                Line(keys, heading.Title), Line(keys, table.Title), Line(keys, heading.Stichtag), Line(keys, null),
                keys.Select((k, c) => (k, table.Columns[c].Header)).ToDictionary(p => p.k, p => (object?)p.Header),
            };
            rows.AddRange(table.Rows.Select(row => Row(keys, table.Columns, row)));
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
        await seekable.SaveAsAsync(sheets, printHeader: false, excelType: ExcelType.XLSX, configuration: configuration, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// The sheet names: each table's <see cref="ReportTable.SheetName"/>, else its title, else its key; without the
    /// characters Excel refuses ([]:*?/\), at most 31 characters, unique regardless of case (Excel compares them
    /// so: a repeated name gets " (2)"). A name too long is shortened at a word, never inside one.
    /// </summary>
    public static IReadOnlyList<string> SheetNames(IReadOnlyList<ReportTable> tables)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>(tables.Count);
        foreach (var table in tables)
        {
            var name = new[] { table.SheetName, table.Title, table.Key }.Select(Clean).FirstOrDefault(n => n.Length > 0) ?? "Tabelle";
            var unique = Shorten(name, MaxSheetNameLength);
            for (var n = 2; !used.Add(unique); n++)
            {
                var suffix = string.Create(CultureInfo.InvariantCulture, $" ({n})");
                unique = Shorten(name, MaxSheetNameLength - suffix.Length) + suffix;
            }

            names.Add(unique);
        }

        return names;
    }

    private static string Clean(string? text)
    {
        var kept = new string((text ?? string.Empty).Where(c => Array.IndexOf(ForbiddenInSheetNames, c) < 0 && !char.IsControl(c)).ToArray());
        // Excel also refuses an apostrophe at either end.
        return kept.Trim().Trim('\'').Trim();
    }

    /// <summary>
    /// At most <paramref name="length"/> characters, cut before the first word that does not fit and marked with an
    /// ellipsis, so nobody takes a cut word for the title; a single word longer than that is cut as a last resort.
    /// </summary>
    private static string Shorten(string name, int length)
    {
        if (name.Length <= length) return name;
        var cut = name[..length].LastIndexOf(' ');
        var kept = cut > 0 ? name[..cut].TrimEnd(' ', ',', ';', '-', '(') : name[..(length - 1)];
        return kept + "…";
    }

    private static Dictionary<string, object?> Line(string[] keys, string? text) =>
        keys.Select((k, c) => (k, c)).ToDictionary(p => p.k, p => p.c == 0 ? (object?)text : null);

    private static DynamicExcelColumn Column(string key, ReportColumn column) => new(key)
    {
        Name = column.Header,
        Width = column.Kind == ReportValueKind.Text ? 36 : 16,
        Format = column.Kind switch
        {
            ReportValueKind.Money => MoneyFormat,
            ReportValueKind.Date => DateFormat,
            ReportValueKind.Code => TextFormat,
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
