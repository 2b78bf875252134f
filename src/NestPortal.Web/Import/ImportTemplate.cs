using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace NestPortal.Web.Import;

/// <summary>
/// The empty workbook an administrator fills in: one sheet per sheet of <see cref="ImportSheets"/>, in their
/// order, its first row the column names the importer reads (required ones marked "*", which the importer
/// ignores), German or English. Written from the importer's own definitions, so it cannot ask for a column
/// the importer does not know or leave out one it needs.
/// </summary>
public static class ImportTemplate
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FileName(bool english) => english ? "import-template.xlsx" : "import-vorlage.xlsx";

    /// <summary>The workbook's bytes; small (nine header rows), so written in memory.</summary>
    public static async Task<byte[]> WriteAsync(bool english, CancellationToken cancellationToken = default)
    {
        var sheets = new Dictionary<string, object>();
        var columns = new List<DynamicExcelColumn>();
        for (var s = 0; s < ImportSheets.All.Count; s++)
        {
            var sheet = ImportSheets.All[s];
            // Keys unique across the workbook: MiniExcel's column settings are global.
            var keys = sheet.Columns.Select((_, c) => string.Create(CultureInfo.InvariantCulture, $"s{s}c{c}")).ToArray();
            columns.AddRange(keys.Select(k => new DynamicExcelColumn(k) { Width = 24 }));
            // The header is written as a row of its own: MiniExcel leaves out the header of a sheet without rows.
            var header = keys.Select((k, c) => (k, Header(sheet.Columns[c], english))).ToDictionary(p => p.k, p => (object?)p.Item2);
            sheets.Add(english ? sheet.EnglishName : sheet.Name, new List<Dictionary<string, object?>> { header });
        }

        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, printHeader: false, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration
        {
            DynamicColumns = [.. columns],
            TableStyles = TableStyles.None,
            AutoFilter = false,
        }, cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    private static string Header(ImportColumn column, bool english) => (english ? column.English : column.German) + (column.Required ? "*" : string.Empty);
}
