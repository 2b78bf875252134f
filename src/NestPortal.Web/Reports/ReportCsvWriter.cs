using System.Globalization;
using NestPortal.Web.Infrastructure.Downloads;

namespace NestPortal.Web.Reports;

/// <summary>
/// The report as one CSV file for a German Excel: each table as its title line, its header line, its
/// rows and a blank line. Counts are integers, money German decimals, dates dd.MM.yyyy, an AGS a text
/// Excel keeps with its leading zero (see <see cref="GermanCsvWriter"/>), so the spreadsheet reads the
/// same numbers the screen shows.
/// </summary>
public static class ReportCsvWriter
{
    public const string ContentType = GermanCsvWriter.ContentType;

    public static async Task WriteAsync(Stream output, IEnumerable<ReportTable> tables, CancellationToken cancellationToken = default)
    {
        await using var csv = new GermanCsvWriter(output);
        foreach (var table in tables)
        {
            await csv.WriteRowAsync([GermanCsvWriter.Text(table.Title)], cancellationToken);
            await csv.WriteRowAsync(table.Columns.Select(c => GermanCsvWriter.Text(c.Header)), cancellationToken);
            foreach (var row in table.Rows)
                await csv.WriteRowAsync(table.Columns.Select((column, i) => Field(column.Kind, i < row.Count ? row[i] : null)), cancellationToken);
            await csv.WriteBlankLineAsync(cancellationToken);
        }
    }

    /// <summary>A cell as its column's kind says; a value of another type than the kind expects is written as text, never lost.</summary>
    public static string Field(ReportValueKind kind, object? value) => (kind, value) switch
    {
        (_, null) => string.Empty,
        (ReportValueKind.Count, int count) => GermanCsvWriter.Count(count),
        (ReportValueKind.Count, long count) => GermanCsvWriter.Count(count),
        (ReportValueKind.Money, decimal amount) => GermanCsvWriter.Money(amount),
        (ReportValueKind.Date, DateOnly date) => GermanCsvWriter.Date(date),
        (ReportValueKind.Date, DateTime date) => GermanCsvWriter.Date(DateOnly.FromDateTime(date)),
        (ReportValueKind.Code, string code) => GermanCsvWriter.Code(code),
        (_, string text) => GermanCsvWriter.Text(text),
        _ => GermanCsvWriter.Text(Convert.ToString(value, GermanCsvWriter.German)),
    };

    /// <summary>erfolgsbilanz-2021-06-25.csv: the Stichtag in the name, so downloads of several dates stay apart.</summary>
    public static string FileName(DateOnly stichtag, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"erfolgsbilanz-{stichtag:yyyy-MM-dd}.{extension}");
}
