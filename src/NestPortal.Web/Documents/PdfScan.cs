using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Localization;
using NestPortal.Web.Import;

namespace NestPortal.Web.Documents;

/// <summary>
/// Looks for what makes a PDF act rather than show (ADR 0024): scripts (<c>/JavaScript</c>, <c>/JS</c>), launch
/// actions (<c>/Launch</c>), embedded files (<c>/EmbeddedFile</c>, <c>/EmbeddedFiles</c>), rich media and XFA forms.
/// Names are read as PDF names, with <c>#xx</c> escapes decoded, so <c>/J#61vaScript</c> is found too.
/// Dictionaries may sit inside compressed object streams (<c>/ObjStm</c>, PDF 1.5 and later): those are inflated
/// (within the unpacked limit) and scanned the same way. An object stream that cannot be inflated here (another
/// filter, encryption, damage) is a PDF that cannot be checked: refused, not accepted unseen.
/// </summary>
public static class PdfScan
{
    private static readonly HashSet<string> Active = new(StringComparer.Ordinal)
    {
        "JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia", "XFA",
    };

    private static string Script(IStringLocalizer l) =>
        l["Die PDF-Datei enthält JavaScript, eine Startaktion oder eingebettete Dateien; solche Dateien nehmen wir nicht an. Bitte drucken Sie das Dokument in eine neue PDF-Datei („Als PDF drucken“) und laden Sie diese hoch."];

    private static string Unchecked(IStringLocalizer l) =>
        l["Die PDF-Datei ist verschlüsselt oder auf eine Weise komprimiert, die wir nicht prüfen können. Bitte drucken Sie das Dokument in eine neue PDF-Datei („Als PDF drucken“) und laden Sie diese hoch."];

    public static string? Check(byte[] content, long maxUnpackedBytes, IStringLocalizer l)
    {
        // A PDF ends with %%EOF (some writers add a few bytes after it): without it the upload was cut off.
        if (content.AsSpan(Math.Max(0, content.Length - 1024)).IndexOf("%%EOF"u8) < 0)
            return l["Die PDF-Datei ist unvollständig oder beschädigt. Bitte speichern Sie sie neu und laden Sie sie noch einmal hoch."];
        var (active, encrypted) = ScanNames(content);
        if (active) return Script(l);

        var tally = new ByteTally(maxUnpackedBytes);
        foreach (var (dictionary, data) in ObjectStreams(content))
        {
            if (encrypted || !IsFlateOnly(dictionary)) return Unchecked(l);
            try
            {
                using var inflated = new CountingReadStream(new ZLibStream(new MemoryStream(data.ToArray()), CompressionMode.Decompress), maxUnpackedBytes, tally);
                using var buffer = new MemoryStream();
                inflated.CopyTo(buffer);
                if (ScanNames(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)).Active) return Script(l);
            }
            catch (Exception exception) when (exception is InvalidDataException or UnpackedSizeLimitException)
            {
                return Unchecked(l);
            }
        }

        return null;
    }

    /// <summary>Every PDF name in the bytes, decoded: a '/' followed by regular characters up to a delimiter or white space.</summary>
    private static (bool Active, bool Encrypted) ScanNames(ReadOnlySpan<byte> bytes)
    {
        var encrypted = false;
        var name = new StringBuilder();
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != '/') continue;
            name.Clear();
            var j = i + 1;
            for (; j < bytes.Length && !IsDelimiter(bytes[j]); j++)
            {
                if (bytes[j] == '#' && j + 2 < bytes.Length && IsHex(bytes[j + 1]) && IsHex(bytes[j + 2]))
                {
                    name.Append((char)Convert.ToByte(Encoding.ASCII.GetString(bytes.Slice(j + 1, 2)), 16));
                    j += 2;
                }
                else
                {
                    name.Append((char)bytes[j]);
                }

                if (name.Length > 64) break;
            }

            if (name.Length > 0)
            {
                var found = name.ToString();
                if (Active.Contains(found)) return (true, encrypted);
                encrypted |= found == "Encrypt";
            }

            i = j - 1;
        }

        return (false, encrypted);
    }

    private static bool IsDelimiter(byte b) => b is (byte)'/' or (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']'
        or (byte)'{' or (byte)'}' or (byte)'%' or 0 or 9 or 10 or 12 or 13 or 32;

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';

    /// <summary>The object streams: each one's dictionary (from its "obj" to "stream") and its raw data (up to "endstream").</summary>
    private static IEnumerable<(string Dictionary, ReadOnlyMemory<byte> Data)> ObjectStreams(byte[] content)
    {
        var position = 0;
        while (true)
        {
            var at = content.AsSpan(position).IndexOf("/ObjStm"u8);
            if (at < 0) yield break;
            at += position;
            var objStart = content.AsSpan(0, at).LastIndexOf(" obj"u8);
            var streamAt = content.AsSpan(at).IndexOf("stream"u8);
            if (streamAt < 0) yield break;
            streamAt += at;
            var dataStart = streamAt + "stream".Length;
            if (dataStart < content.Length && content[dataStart] == '\r') dataStart++;
            if (dataStart < content.Length && content[dataStart] == '\n') dataStart++;
            var end = content.AsSpan(dataStart).IndexOf("endstream"u8);
            if (end < 0) yield break;
            var dictionary = Encoding.Latin1.GetString(content, Math.Max(0, objStart), streamAt - Math.Max(0, objStart));
            yield return (dictionary, content.AsMemory(dataStart, end));
            position = dataStart + end;
        }
    }

    /// <summary>Only FlateDecode (zlib), without a predictor, is inflated here; anything else cannot be checked.</summary>
    private static bool IsFlateOnly(string dictionary)
    {
        var filters = new[] { "ASCIIHexDecode", "ASCII85Decode", "LZWDecode", "RunLengthDecode", "CCITTFaxDecode", "JBIG2Decode", "DCTDecode", "JPXDecode", "Crypt", "Predictor" };
        return dictionary.Contains("/FlateDecode", StringComparison.Ordinal) && !filters.Any(f => dictionary.Contains("/" + f, StringComparison.Ordinal));
    }
}
