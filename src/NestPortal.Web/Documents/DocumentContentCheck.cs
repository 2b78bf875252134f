using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Localization;
using NestPortal.Web.Import;

namespace NestPortal.Web.Documents;

/// <summary>
/// Decides by the bytes, not the name, whether an upload is what its extension says and holds nothing active
/// (ADR 0024): PDF, JPEG, PNG, Word and Excel (OOXML) and OpenDocument files are taken; executables, legacy
/// office files, macro-enabled packages, PDFs with scripts, launch actions or embedded files, damaged or
/// truncated files are refused with a German text that says what to do. What cannot be checked is refused,
/// not let through.
/// </summary>
public sealed class DocumentContentCheck(DocumentOptions options, IStringLocalizer l)
{
    /// <summary>The format found, or the refusal as the person reads it (German, or English on English pages).</summary>
    public sealed record Result(DocumentFormat? Format, string? Refusal)
    {
        public bool Accepted => Format is not null;
    }

    private static Result Refused(string text) => new(null, text);

    public Result Check(string fileName, byte[] content)
    {
        if (content.Length == 0) return Refused(l["Die Datei ist leer. Bitte wählen Sie die Datei noch einmal aus."]);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is ".doc" or ".xls" or ".ppt")
            return Refused(l["Word- und Excel-Dateien im alten Format (.doc, .xls) nehmen wir nicht an: sie können Makros enthalten und lassen sich nicht sicher prüfen. Bitte speichern Sie die Datei als PDF."]);
        if (DocumentFormat.ByExtension(extension) is not { } claimed)
            return Refused(l["Dateien der Art „{0}“ nehmen wir nicht an. Erlaubt sind PDF, JPEG, PNG, Word (.docx), Excel (.xlsx) und OpenDocument (.odt, .ods).", extension.Length == 0 ? "–" : extension]);

        var sniffed = Sniff(content);
        if (sniffed == Sniffed.Executable)
            return Refused(l["Die Datei ist ein Programm, keine {0}-Datei. Programme nehmen wir nicht an; bitte laden Sie das Dokument selbst hoch.", claimed.Label]);
        if (sniffed == Sniffed.LegacyOffice)
            return Refused(l["Die Datei ist eine Word- oder Excel-Datei im alten Format. Sie kann Makros enthalten und lässt sich nicht sicher prüfen. Bitte speichern Sie die Datei als PDF."]);

        var expected = claimed == DocumentFormat.Pdf ? Sniffed.Pdf
            : claimed == DocumentFormat.Jpeg ? Sniffed.Jpeg
            : claimed == DocumentFormat.Png ? Sniffed.Png
            : Sniffed.Zip;
        if (sniffed != expected)
            return Refused(l["Die Datei ist keine {0}-Datei, obwohl sie so heißt. Bitte speichern Sie das Dokument als {0}-Datei oder wählen Sie die richtige Datei.", claimed.Label]);

        var problem = expected switch
        {
            Sniffed.Pdf => PdfScan.Check(content, options.MaxUnpackedBytes, l),
            Sniffed.Png => content.AsSpan(Math.Max(0, content.Length - 12)).IndexOf("IEND"u8) < 0
                ? (string)l["Die PNG-Datei ist unvollständig oder beschädigt. Bitte speichern oder fotografieren Sie das Dokument noch einmal."].Value
                : null,
            Sniffed.Jpeg => null,
            _ => CheckPackage(claimed, content),
        };
        return problem is null ? new Result(claimed, null) : new Result(null, problem);
    }

    private enum Sniffed { Unknown, Pdf, Jpeg, Png, Zip, Executable, LegacyOffice }

    private static Sniffed Sniff(ReadOnlySpan<byte> content) =>
        content.StartsWith("%PDF-"u8) ? Sniffed.Pdf
        : content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? Sniffed.Jpeg
        : content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? Sniffed.Png
        : content.StartsWith("PK\x03\x04"u8) ? Sniffed.Zip
        // Windows (MZ), Linux (ELF), macOS (Mach-O) programs and shell scripts.
        : content.StartsWith("MZ"u8) || content.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46]) || content.StartsWith((ReadOnlySpan<byte>)[0xCF, 0xFA, 0xED, 0xFE])
          || content.StartsWith((ReadOnlySpan<byte>)[0xCE, 0xFA, 0xED, 0xFE]) || content.StartsWith("#!"u8) ? Sniffed.Executable
        : content.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) ? Sniffed.LegacyOffice
        : Sniffed.Unknown;

    /// <summary>
    /// An OOXML or OpenDocument file is a ZIP: its parts are counted from the central directory first (ADR 0021's
    /// guard), then every part is unpacked through a counting stream, so a damaged part (a CRC error) or a bomb
    /// is found here, not by whoever opens the download.
    /// </summary>
    private string? CheckPackage(DocumentFormat format, byte[] content)
    {
        string damaged = l["Die Datei ist beschädigt oder unvollständig und lässt sich nicht öffnen. Bitte speichern Sie sie neu und laden Sie sie noch einmal hoch."].Value;
        var entries = ZipDirectory.CountEntries(content, options.MaxZipEntries + 1);
        if (entries is null or 0) return damaged;
        if (entries > options.MaxZipEntries)
            return l["Die Datei besteht aus mehr als {0:N0} Teilen; so ist kein Brief und keine Tabelle aufgebaut. Bitte speichern Sie das Dokument als PDF.", options.MaxZipEntries].Value;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            string tooBig = l["Die Datei ist entpackt größer als {0:N0} MB. Bitte speichern Sie das Dokument als PDF.", options.MaxUnpackedMegabytes].Value;
            if (zip.Entries.Sum(e => e.Length) > options.MaxUnpackedBytes) return tooBig;
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (names.Any(IsActiveContent))
                return l["Die Datei enthält Makros oder eingebettete Programme. Bitte speichern Sie sie ohne Makros (als .docx oder .xlsx) oder als PDF."].Value;

            var problem = format.MainPart is { } mainPart ? CheckOoxml(zip, format, mainPart) : CheckOpenDocument(zip, format);
            if (problem is not null) return problem;

            var tally = new ByteTally(options.MaxUnpackedBytes);
            foreach (var entry in zip.Entries)
            {
                using var stream = new CountingReadStream(entry.Open(), options.MaxUnpackedBytes, tally);
                stream.CopyTo(Stream.Null);
            }

            return null;
        }
        catch (UnpackedSizeLimitException)
        {
            return l["Die Datei ist entpackt größer als {0:N0} MB. Bitte speichern Sie das Dokument als PDF.", options.MaxUnpackedMegabytes].Value;
        }
        catch (InvalidDataException)
        {
            return damaged;
        }
    }

    /// <summary>VBA projects, ActiveX controls, OLE packages (which can carry any program), OpenDocument's Basic and scripts.</summary>
    private static bool IsActiveContent(string name) =>
        name.Contains("vbaProject", StringComparison.OrdinalIgnoreCase) || name.Contains("vbaData", StringComparison.OrdinalIgnoreCase)
        || name.Contains("activeX", StringComparison.OrdinalIgnoreCase) || name.Contains("oleObject", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Basic/", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Scripts/", StringComparison.OrdinalIgnoreCase);

    private string? CheckOoxml(ZipArchive zip, DocumentFormat format, string mainPart)
    {
        var types = zip.GetEntry("[Content_Types].xml");
        if (types is null || zip.GetEntry(mainPart) is null)
            return l["Die Datei ist keine {0}-Datei, obwohl sie so heißt. Bitte speichern Sie das Dokument als {0}-Datei oder wählen Sie die richtige Datei.", format.Label].Value;
        var declared = ReadSmallText(types);
        if (declared is null || declared.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase))
            return l["Die Datei enthält Makros oder eingebettete Programme. Bitte speichern Sie sie ohne Makros (als .docx oder .xlsx) oder als PDF."].Value;
        return null;
    }

    private string? CheckOpenDocument(ZipArchive zip, DocumentFormat format)
    {
        // The format's first part names its type, uncompressed, by the standard.
        var mimetype = zip.GetEntry("mimetype");
        if (mimetype is null || ReadSmallText(mimetype)?.Trim() != format.ContentType || zip.GetEntry("content.xml") is null)
            return l["Die Datei ist keine {0}-Datei, obwohl sie so heißt. Bitte speichern Sie das Dokument als {0}-Datei oder wählen Sie die richtige Datei.", format.Label].Value;
        return null;
    }

    /// <summary>A small part's text (a type list, a mimetype), or null when it is larger than any honest one.</summary>
    private static string? ReadSmallText(ZipArchiveEntry entry)
    {
        const int Limit = 1024 * 1024;
        try
        {
            using var stream = new CountingReadStream(entry.Open(), Limit);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        }
        catch (UnpackedSizeLimitException)
        {
            return null;
        }
    }
}
