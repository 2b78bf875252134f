using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;
using NestPortal.Web.Reports;

namespace NestPortal.Web.Tests.Reports;

/// <summary>Reads the exported files back as a spreadsheet program would, for the tests to compare.</summary>
public static class ExportFiles
{
    public static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>A CSV table as the file holds it: its title line, header line and rows (fields unquoted).</summary>
    public sealed record CsvTable(string Title, string[] Headers, List<string[]> Rows);

    /// <summary>The CSV's records (RFC 4180, semicolons) after the byte-order mark, which must be there.</summary>
    public static List<string[]> CsvRecords(byte[] bytes)
    {
        bytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble(), "UTF-8 with BOM");
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        using var parser = new CsvParser(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = ";",
            IgnoreBlankLines = false,
            BadDataFound = context => throw new InvalidDataException($"bad CSV: {context.RawRecord}"),
        });
        var records = new List<string[]>();
        while (parser.Read()) records.Add(parser.Record ?? []);
        return records;
    }

    /// <summary>The tables of a report CSV: a title line, a header line, rows, then a blank line.</summary>
    public static List<CsvTable> CsvTables(byte[] bytes)
    {
        var tables = new List<CsvTable>();
        var records = CsvRecords(bytes);
        var i = 0;
        while (i < records.Count)
        {
            var title = records[i++].ShouldHaveSingleItem("a title line");
            var headers = records[i++];
            var rows = new List<string[]>();
            while (i < records.Count && !(records[i].Length == 1 && records[i][0].Length == 0)) rows.Add(records[i++]);
            i++; // the blank line after each table
            tables.Add(new CsvTable(title, headers, rows));
        }

        return tables;
    }

    public static decimal GermanDecimal(string text) => decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, German);

    /// <summary>
    /// A report workbook's sheets in order: the heading above the table (report title, table title, Stichtag, as the
    /// writer puts them in column A) and the table's rows of cells by column letter, its header row first.
    /// </summary>
    public static List<(string Name, List<string?> Heading, List<IDictionary<string, object?>> Rows)> ReportSheets(byte[] xlsx) =>
        Sheets(xlsx).Select(sheet => (sheet.Name,
            sheet.Rows.Take(ReportXlsxWriter.HeadingRows).Select(r => r.TryGetValue("A", out var a) ? a as string : null).ToList(),
            sheet.Rows.Skip(ReportXlsxWriter.HeadingRows).ToList())).ToList();

    /// <summary>The workbook's sheets in order, each as rows of cells by column letter.</summary>
    public static List<(string Name, List<IDictionary<string, object?>> Rows)> Sheets(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return stream.GetSheetNames().Select(name =>
        {
            using var sheet = new MemoryStream(xlsx);
            return (name, sheet.Query(useHeaderRow: false, sheetName: name).Cast<IDictionary<string, object?>>().ToList());
        }).ToList();
    }
}
