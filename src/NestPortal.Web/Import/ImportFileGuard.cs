using System.IO.Compression;

namespace NestPortal.Web.Import;

/// <summary>
/// Looks at a stored upload before any reader of ours does, so that a hostile file is refused in seconds with
/// bounded memory instead of being unpacked or walked row by row (ADR 0021): the ZIP's number of parts from
/// its central directory, every part's bytes counted as they are unpacked (the headers' sizes may lie), the
/// workbook's sheets and shared texts with a streaming XML scan (<see cref="ImportXmlScan"/>), a CSV file's
/// records. Refusals are <see cref="ImportRefusedException"/>s naming sheet, row and cell in German and English;
/// a file that is not a ZIP at all is left to the reader, whose message says so.
/// </summary>
public sealed class ImportFileGuard(ImportLimits limits, ImportTexts l)
{
    public ImportLimits Limits => limits;

    /// <summary>Unpacked bytes the last check read: how far it got before it refused or passed the file.</summary>
    public long BytesUnpacked { get; private set; }

    public void Check(byte[] content, CancellationToken cancellationToken = default)
    {
        var entries = ZipDirectory.CountEntries(content, stopAfter: limits.MaxEntries + 1);
        if (entries is null) return;
        if (entries > limits.MaxEntries)
            throw Refused(string.Empty, l["Die Datei besteht aus mehr als {0:N0} Teilen; eine Arbeitsmappe oder ein Satz CSV-Dateien für den Import hat weit weniger. Bitte prüfen Sie, ob Sie die richtige Datei hochgeladen haben.", limits.MaxEntries]);

        using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        // The stated sizes refuse an honest big file at once; the counting streams below catch a dishonest one.
        if (zip.Entries.Sum(e => e.Length) > limits.MaxUncompressedBytes) throw TooBig();
        var tally = new ByteTally(limits.MaxUncompressedBytes);
        try
        {
            if (zip.GetEntry("[Content_Types].xml") is null) CheckCsvSet(zip, tally, cancellationToken);
            else CheckWorkbook(zip, tally, cancellationToken);
        }
        catch (UnpackedSizeLimitException exception) when (exception.Total)
        {
            throw TooBig();
        }
        finally
        {
            BytesUnpacked = tally.Bytes;
        }
    }

    private void CheckWorkbook(ZipArchive zip, ByteTally tally, CancellationToken cancellationToken)
    {
        var scan = new ImportXmlScan(limits, l, cancellationToken);
        var sheetNames = ReadPart(zip, tally, scan.SheetParts);
        var sharedStrings = zip.Entries.FirstOrDefault(e => e.FullName.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase));
        int? tooLong = sharedStrings is null ? null : Scanned(sharedStrings, tally, scan.FirstTooLongSharedString);
        foreach (var entry in zip.Entries)
        {
            if (entry == sharedStrings) continue;
            // A sheet is where the workbook's relationships say, usually but not necessarily under xl/worksheets/.
            if (IsWorksheet(entry) || sheetNames.ContainsKey(entry.FullName))
            {
                var sheet = sheetNames.GetValueOrDefault(entry.FullName) ?? Path.GetFileNameWithoutExtension(entry.Name);
                Scanned(entry, tally, stream => scan.Worksheet(stream, ImportSheets.Find(sheet)?.Name ?? sheet, tooLong));
            }
            else
            {
                Drain(entry, tally);
            }
        }

        if (tooLong is not null)
            throw Refused(string.Empty, l["Ein Text in der Datei ist länger als {0:N0} Zeichen; kein Feld des Imports ist so lang (am längsten ist das Konzept einer Gruppe). Bitte kürzen Sie den Text.", limits.MaxCellLength]);
    }

    private void CheckCsvSet(ZipArchive zip, ByteTally tally, CancellationToken cancellationToken)
    {
        foreach (var entry in zip.Entries.Where(e => e.Name.Length > 0))
        {
            var name = Path.GetFileNameWithoutExtension(entry.Name);
            using var stream = new CountingReadStream(entry.Open(), limits.MaxUncompressedBytes, tally);
            new ImportCsvScan(limits, l, ImportSheets.Find(name)?.Name ?? name).Scan(stream, cancellationToken);
        }
    }

    /// <summary>The workbook's sheet list and its relationships, read before the sheets so that refusals can name the sheet.</summary>
    private Dictionary<string, string> ReadPart(ZipArchive zip, ByteTally tally, Func<Stream, Stream, Dictionary<string, string>> read)
    {
        var workbook = zip.GetEntry("xl/workbook.xml");
        var relationships = zip.GetEntry("xl/_rels/workbook.xml.rels");
        if (workbook is null || relationships is null) return [];
        using var workbookStream = Counted(workbook, tally, limits.MaxOtherPartBytes);
        using var relationshipsStream = Counted(relationships, tally, limits.MaxOtherPartBytes);
        return Guarded(workbook, () => read(workbookStream, relationshipsStream));
    }

    private T Scanned<T>(ZipArchiveEntry entry, ByteTally tally, Func<Stream, T> scan)
    {
        using var stream = Counted(entry, tally, limits.MaxUncompressedBytes);
        return Guarded(entry, () => scan(stream));
    }

    /// <summary>A part nothing reads row by row: only counted, and held to a small size (MiniExcel reads styles whole).</summary>
    private void Drain(ZipArchiveEntry entry, ByteTally tally)
    {
        using var stream = Counted(entry, tally, limits.MaxOtherPartBytes);
        Guarded(entry, () => stream.CopyTo(Stream.Null));
    }

    private CountingReadStream Counted(ZipArchiveEntry entry, ByteTally tally, long limit) =>
        new(entry.Open(), limit, tally, IsXml(entry) ? limits.MaxXmlTagBytes : null);

    private void Guarded(ZipArchiveEntry entry, Action action) => Guarded(entry, () => { action(); return 0; });

    private T Guarded<T>(ZipArchiveEntry entry, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (UnpackedSizeLimitException exception) when (!exception.Total)
        {
            throw Refused(string.Empty, l["Der Teil „{0}“ der Datei ist entpackt größer als {1:N0} MB; so groß ist er in keiner Datei für den Import. Bitte speichern Sie die Datei neu aus Excel oder LibreOffice.", entry.FullName, exception.Limit / 1024 / 1024]);
        }
        catch (XmlTagLimitException exception)
        {
            throw Refused(string.Empty, l["Der Teil „{0}“ der Datei enthält ein XML-Element mit mehr als {1:N0} KB; so etwas schreibt kein Tabellenprogramm. Bitte speichern Sie die Datei neu aus Excel oder LibreOffice.", entry.FullName, exception.Limit / 1024]);
        }
        catch (System.Xml.XmlException exception)
        {
            // Broken XML is a file the reader cannot read either: the runner reports it as unreadable.
            throw new InvalidDataException($"{entry.FullName}: {exception.Message}", exception);
        }
    }

    private static bool IsWorksheet(ZipArchiveEntry entry) =>
        entry.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && IsXml(entry);

    private static bool IsXml(ZipArchiveEntry entry) =>
        entry.Name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.Name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);

    private ImportRefusedException TooBig() =>
        Refused(string.Empty, l["Die Datei ist entpackt größer als {0:N0} MB. Bitte teilen Sie die Daten auf mehrere Importe auf.", limits.MaxUncompressedBytes / 1024 / 1024]);

    internal static ImportRefusedException Refused(string sheet, ImportText text, int row = 0, string? column = null) =>
        new(new ImportProblem(sheet, row, column, text));
}

/// <summary>A stored upload the guard refuses, with the finding for the dry run's report.</summary>
public sealed class ImportRefusedException(ImportProblem problem) : Exception(problem.Text.En)
{
    public ImportProblem Problem => problem;
}

/// <summary>Reads the ZIP's central directory itself, so that a million parts are counted, not materialised.</summary>
internal static class ZipDirectory
{
    private const uint EndSignature = 0x06054b50;
    private const uint EntrySignature = 0x02014b50;

    /// <summary>The number of parts, counted up to <paramref name="stopAfter"/>; null when the content is no ZIP (or a ZIP64, left to the reader).</summary>
    public static int? CountEntries(ReadOnlySpan<byte> content, int stopAfter)
    {
        var end = -1;
        for (var i = content.Length - 22; i >= Math.Max(0, content.Length - 22 - ushort.MaxValue); i--)
        {
            if (U32(content, i) == EndSignature) { end = i; break; }
        }

        if (end < 0) return null;
        var offset = U32(content, end + 16);
        if (offset == uint.MaxValue || offset >= content.Length) return null;
        var count = 0;
        for (var position = (long)offset; position + 46 <= content.Length && U32(content, (int)position) == EntrySignature;)
        {
            if (++count >= stopAfter) return count;
            position += 46 + U16(content, (int)position + 28) + U16(content, (int)position + 30) + U16(content, (int)position + 32);
        }

        return count;
    }

    private static uint U32(ReadOnlySpan<byte> content, int at) => System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(content[at..]);
    private static ushort U16(ReadOnlySpan<byte> content, int at) => System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(content[at..]);
}
