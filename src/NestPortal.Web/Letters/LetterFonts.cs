using PdfSharp.Fonts;

namespace NestPortal.Web.Letters;

/// <summary>
/// The one typeface of the letters, DejaVu Sans (Bitstream Vera licence, Fonts/LICENSE-DejaVu.txt),
/// embedded in the assembly: PDFsharp finds no system fonts on Linux, and a letter must look the same on
/// every server, with umlauts and ß. PDFsharp's font resolver is process-wide and set once.
/// </summary>
public sealed class LetterFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly Lock Gate = new();

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is LetterFonts) return;
            GlobalFontSettings.FontResolver = new LetterFonts();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        // Every family asked for gets DejaVu: the letters name no other, and a stray default must not fail a letter.
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(LetterFonts).Assembly.GetManifestResourceStream($"NestPortal.Web.Letters.Fonts.{faceName}.ttf")
                           ?? throw new InvalidOperationException($"The letter font {faceName} is not embedded in the web assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
