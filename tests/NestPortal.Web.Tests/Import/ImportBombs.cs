using System.IO.Compression;
using System.Text;

namespace NestPortal.Web.Tests.Import;

/// <summary>
/// Hostile uploads, written part by part with <see cref="ZipArchive"/> (no spreadsheet library would write
/// them): small on the wire, huge when unpacked or walked. Each is a workbook MiniExcel reads as a real one.
/// </summary>
public static class ImportBombs
{
    /// <summary>
    /// 150 MB, not the probe's 200 MB: a part stated larger than the unpacked limit (200 MB) is refused by its
    /// stated size before anything is read, and this bomb is to show the cell check stopping inside the text.
    /// </summary>
    public const int BigCellCharacters = 150 * 1024 * 1024;

    private static readonly Lazy<byte[]> BigCellBook = new(() => Workbook(Sheet,
        "<dimension ref=\"A1:B2\"/><sheetData>" + HeaderRow + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>P1</t></is></c><c r=\"B2\" t=\"s\"><v>0</v></c></row></sheetData>",
        sharedStrings: writer =>
        {
            writer.Write("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\"><si><t>");
            var block = new string('A', 1024 * 1024);
            for (var i = 0; i < BigCellCharacters / block.Length; i++) writer.Write(block);
            writer.Write("</t></si></sst>");
        }));

    /// <summary>One shared text of 150 MB in cell B2 of "Familien"; the file is a few hundred KB.</summary>
    public static byte[] BigCell => BigCellBook.Value;

    /// <summary>A sheet of a few hundred bytes declaring (and using) row 1,048,576, Excel's last row.</summary>
    public static byte[] LastRowDeclared { get; } = Workbook(Sheet,
        "<dimension ref=\"A1:Z1048576\"/><sheetData>" + HeaderRow + "<row r=\"1048576\"><c r=\"A1048576\" t=\"inlineStr\"><is><t>P1</t></is></c></row></sheetData>");

    /// <summary>The same without the dimension: only the row's number says how far the sheet reaches.</summary>
    public static byte[] LastRowUsed { get; } = Workbook(Sheet,
        "<sheetData>" + HeaderRow + "<row r=\"1048576\"><c r=\"A1048576\" t=\"inlineStr\"><is><t>P1</t></is></c></row></sheetData>");

    public const int EmptyRowCount = 3_000_000;

    private static readonly Lazy<byte[]> EmptyRowsBook = new(() => Workbook(Sheet, writer =>
    {
        // No dimension: the rows themselves must be counted.
        writer.Write("<sheetData>" + HeaderRow);
        for (var row = 2; row <= EmptyRowCount + 1; row++) writer.Write("<row r=\"" + row + "\"/>");
        writer.Write("</sheetData>");
    }));

    /// <summary>Three million empty rows below a header (MiniExcel skipped them one by one for 82 s).</summary>
    public static byte[] EmptyRows => EmptyRowsBook.Value;

    public const long BigCsvBytes = 300L * 1024 * 1024;

    private static readonly Lazy<byte[]> BigCsvSet = new(() =>
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("Familien.csv", CompressionLevel.Optimal).Open(), new UTF8Encoding(false), 1 << 16);
            writer.Write("Referenz;Erwartete Ankunft\n");
            var line = "F-1;" + new string(' ', 1000) + "\n";
            for (long written = 0; written < BigCsvBytes; written += line.Length) writer.Write(line);
        }

        return buffer.ToArray();
    });

    /// <summary>A set of CSV files whose one file unpacks to 300 MB of rows of blanks.</summary>
    public static byte[] BigCsv => BigCsvSet.Value;

    /// <summary>The households' sheet (its columns complete, so that a reader without the guard gets past the headers to the rows).</summary>
    public const string Sheet = "Familien";

    private const string HeaderRow = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Referenz</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>Erwartete Ankunft</t></is></c></row>";

    public static byte[] Workbook(string sheetName, string sheetContent, Action<StreamWriter>? sharedStrings = null) =>
        Workbook(sheetName, writer => writer.Write(sheetContent), sharedStrings);

    /// <summary>The parts of a one-sheet workbook; the sheet's content (inside &lt;worksheet&gt;) and the shared texts written as they come.</summary>
    public static byte[] Workbook(string sheetName, Action<StreamWriter> sheetContent, Action<StreamWriter>? sharedStrings = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + (sharedStrings is null ? "" : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>")
                + "</Types>"));
            Part(zip, "_rels/.rels", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
            Part(zip, "xl/workbook.xml", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets><sheet name=\"" + sheetName + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
            Part(zip, "xl/_rels/workbook.xml.rels", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + (sharedStrings is null ? "" : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>")
                + "</Relationships>"));
            if (sharedStrings is not null) Part(zip, "xl/sharedStrings.xml", w => { w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"); sharedStrings(w); });
            Part(zip, "xl/worksheets/sheet1.xml", w =>
            {
                w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
                sheetContent(w);
                w.Write("</worksheet>");
            });
        }

        return buffer.ToArray();
    }

    private static void Part(ZipArchive zip, string name, Action<StreamWriter> write)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false), 1 << 16);
        write(writer);
    }
}
