using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace NestPortal.Web.Import;

/// <summary>
/// The sheets of an upload, read row by row without holding the workbook in memory: an XLSX workbook
/// (MiniExcel streams it) or a set of CSV files, which the upload stores together as one ZIP archive.
/// </summary>
public abstract class ImportSource : IDisposable
{
    public abstract IReadOnlyList<string> SheetNames { get; }

    public abstract IReadOnlyList<string> Headers(string sheetName);

    /// <summary>The data rows below the header, each keyed by the file's header text; values are strings, numbers or dates.</summary>
    public abstract IEnumerable<IReadOnlyDictionary<string, object?>> Rows(string sheetName);

    public virtual void Dispose() => GC.SuppressFinalize(this);

    /// <summary>Opens stored content: a workbook has "[Content_Types].xml"; anything else is the ZIP of CSV files.</summary>
    public static ImportSource Open(byte[] content)
    {
        using (var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read))
        {
            if (zip.GetEntry("[Content_Types].xml") is null) return new CsvSetSource(content);
        }

        return new WorkbookSource(content);
    }

    /// <summary>Packs uploaded CSV files into the one archive stored with the import.</summary>
    public static byte[] PackCsvFiles(IEnumerable<(string FileName, byte[] Content)> files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (fileName, content) in files)
            {
                var entry = zip.CreateEntry(Path.GetFileName(fileName), CompressionLevel.Fastest);
                using var stream = entry.Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    private sealed class WorkbookSource(byte[] content) : ImportSource
    {
        private IReadOnlyList<string>? _sheetNames;

        public override IReadOnlyList<string> SheetNames => _sheetNames ??= MiniExcel.GetSheetNames(Stream());

        /// <summary>
        /// MiniExcel names the columns from the first data row's keys, so a sheet with only its header row (a sheet of
        /// the template left empty) would seem to lack every column; such a sheet's header row is read as it is.
        /// </summary>
        public override IReadOnlyList<string> Headers(string sheetName) =>
            MiniExcel.GetColumns(Stream(), useHeaderRow: true, sheetName: sheetName)?.ToList()
            ?? MiniExcel.Query(Stream(), useHeaderRow: false, sheetName: sheetName).Cast<IDictionary<string, object?>>().FirstOrDefault()?.Values
                .Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty).ToList()
            ?? [];

        public override IEnumerable<IReadOnlyDictionary<string, object?>> Rows(string sheetName)
        {
            foreach (IDictionary<string, object?> row in MiniExcel.Query(Stream(), useHeaderRow: true, sheetName: sheetName))
                yield return row.AsReadOnly();
        }

        private MemoryStream Stream() => new(content, writable: false);
    }

    private sealed class CsvSetSource(byte[] content) : ImportSource
    {
        private readonly ZipArchive _zip = new(new MemoryStream(content, writable: false), ZipArchiveMode.Read);

        public override IReadOnlyList<string> SheetNames =>
            _zip.Entries.Where(e => e.Name.Length > 0).Select(e => Path.GetFileNameWithoutExtension(e.Name)).ToList();

        public override IReadOnlyList<string> Headers(string sheetName)
        {
            using var csv = OpenCsv(sheetName);
            return csv.Read() && csv.ReadHeader() ? csv.HeaderRecord ?? [] : [];
        }

        public override IEnumerable<IReadOnlyDictionary<string, object?>> Rows(string sheetName)
        {
            using var csv = OpenCsv(sheetName);
            if (!csv.Read() || !csv.ReadHeader()) yield break;
            var headers = csv.HeaderRecord ?? [];
            while (csv.Read())
            {
                var row = new Dictionary<string, object?>(headers.Length, StringComparer.Ordinal);
                for (var i = 0; i < headers.Length; i++)
                    row.TryAdd(headers[i], csv.TryGetField<string>(i, out var value) ? value : null);
                yield return row;
            }
        }

        private CsvReader OpenCsv(string sheetName)
        {
            var entry = _zip.Entries.First(e => Path.GetFileNameWithoutExtension(e.Name) == sheetName);
            // UTF-8 with or without byte-order mark; the reader drops the mark.
            var reader = new StreamReader(entry.Open(), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                Delimiter = ";",
                MissingFieldFound = null,
                BadDataFound = null,
                DetectColumnCountChanges = false,
            };
            return new CsvReader(reader, configuration);
        }

        public override void Dispose()
        {
            _zip.Dispose();
            base.Dispose();
        }
    }
}
