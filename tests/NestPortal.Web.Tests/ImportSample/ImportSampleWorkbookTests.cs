using MiniExcelLibs;

namespace NestPortal.Web.Tests.ImportSample;

/// <summary>
/// bestand.xlsx is generated from the CSV files, never edited: this test fails when the two drift
/// apart. Regenerate with scripts/make-import-sample-xlsx.sh (it runs this test with
/// NESTPORTAL_WRITE_IMPORT_SAMPLE=1, which writes the workbook instead of comparing).
/// </summary>
public class ImportSampleWorkbookTests
{
    [Fact]
    public void Workbook_holds_the_same_sheets_and_rows_as_the_csv_files()
    {
        if (Environment.GetEnvironmentVariable("NESTPORTAL_WRITE_IMPORT_SAMPLE") == "1")
            File.WriteAllBytes(ImportSampleFiles.WorkbookPath, ImportSampleFiles.BuildWorkbook());

        var workbook = File.ReadAllBytes(ImportSampleFiles.WorkbookPath);
        MiniExcel.GetSheetNames(new MemoryStream(workbook)).ShouldBe(ImportSampleFiles.Sheets);
        foreach (var sheet in ImportSampleFiles.Sheets)
        {
            var csv = ImportSampleFiles.ReadCsv(sheet);
            var rows = MiniExcel.Query(new MemoryStream(workbook), useHeaderRow: true, sheetName: sheet)
                .Cast<IDictionary<string, object?>>().ToList();
            MiniExcel.GetColumns(new MemoryStream(workbook), useHeaderRow: true, sheetName: sheet).ShouldBe(csv[0].Keys, sheet);
            rows.Count.ShouldBe(csv.Count, sheet);
            for (var i = 0; i < rows.Count; i++)
            {
                foreach (var (column, text) in csv[i])
                    ImportSampleFiles.Canonical(column, rows[i][column]).ShouldBe(ImportSampleFiles.Canonical(column, text), $"{sheet}, row {i + 2}, {column}");
            }
        }
    }

    [Fact]
    public void Csv_files_are_semicolon_separated_utf8_with_byte_order_mark()
    {
        foreach (var (fileName, content) in ImportSampleFiles.CsvFiles())
        {
            content.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }, fileName);
            System.Text.Encoding.UTF8.GetString(content).Split('\n')[0].ShouldContain(";", customMessage: fileName);
        }
    }
}
