using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;
using NestPortal.Web.Tests.Localization;

namespace NestPortal.Web.Tests.ImportSample;

/// <summary>
/// The import sample in docs/import-sample: one CSV file per sheet (the source, edited by hand) and
/// bestand.xlsx, the same rows as one workbook, built from the CSV files by <see cref="BuildWorkbook"/>.
/// It is both the example docs/import.md points to and the NRW test dataset of the report tests.
/// </summary>
public static partial class ImportSampleFiles
{
    /// <summary>The sheets in the order docs/import.md applies them.</summary>
    public static readonly IReadOnlyList<string> Sheets =
        ["Kommunen", "Gruppen", "Mitglieder", "Familien", "Personen", "Patenschaften", "Zuweisungen", "Buchungen", "Öffentlichkeitsarbeit"];

    public const string WorkbookName = "bestand.xlsx";

    public static string Folder => Path.Combine(LocalizationKeys.FindRepositoryRoot(), "docs", "import-sample");

    public static string WorkbookPath => Path.Combine(Folder, WorkbookName);

    public static string CsvPath(string sheet) => Path.Combine(Folder, sheet + ".csv");

    /// <summary>The CSV files as an upload sends them: file name and bytes (UTF-8 with BOM).</summary>
    public static IReadOnlyList<(string FileName, byte[] Content)> CsvFiles() =>
        Sheets.Select(sheet => (sheet + ".csv", File.ReadAllBytes(CsvPath(sheet)))).ToList();

    /// <summary>A sheet's rows as text, keyed by the header.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadCsv(string sheet)
    {
        using var reader = new StreamReader(CsvPath(sheet), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        csv.Read();
        csv.ReadHeader();
        var headers = csv.HeaderRecord!;
        var rows = new List<IReadOnlyDictionary<string, string>>();
        while (csv.Read())
            rows.Add(headers.Select((header, i) => (header, csv.GetField(i) ?? string.Empty)).ToDictionary(c => c.header, c => c.Item2));
        return rows;
    }

    /// <summary>
    /// The workbook as the competence centre's spreadsheet would hold it: dates as date cells, amounts
    /// as number cells, everything else (AGS, postcodes, references, rent months) as text.
    /// </summary>
    public static byte[] BuildWorkbook()
    {
        var sheets = new Dictionary<string, object>();
        foreach (var sheet in Sheets)
            sheets[sheet] = ReadCsv(sheet).Select(row => row.ToDictionary(c => c.Key, c => Typed(c.Key, c.Value))).ToList();
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>The columns holding euro amounts, m² or rooms: number cells in the workbook.</summary>
    private static readonly HashSet<string> NumberColumns = ["Betrag", "Nettokaltmiete", "Wohnfläche", "Zimmer"];

    private static object? Typed(string column, string text)
    {
        if (text.Length == 0) return null;
        if (GermanDate().IsMatch(text)) return DateTime.ParseExact(text, "dd.MM.yyyy", CultureInfo.InvariantCulture);
        if (NumberColumns.Contains(column)) return decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.GetCultureInfo("de-DE"));
        return text;
    }

    /// <summary>A cell of the workbook or the CSV file as comparable text: dates as dd.MM.yyyy, numbers without trailing zeros.</summary>
    public static string Canonical(string column, object? value) => value switch
    {
        null => string.Empty,
        DateTime date => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
        double number => ((decimal)number).ToString("0.##", CultureInfo.InvariantCulture),
        decimal number => number.ToString("0.##", CultureInfo.InvariantCulture),
        string text when text.Length > 0 && NumberColumns.Contains(column) =>
            decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.GetCultureInfo("de-DE")).ToString("0.##", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    [GeneratedRegex(@"^\d{2}\.\d{2}\.\d{4}$")]
    private static partial Regex GermanDate();
}
