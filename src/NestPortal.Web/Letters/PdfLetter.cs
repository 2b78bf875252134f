using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace NestPortal.Web.Letters;

/// <summary>
/// A small layout for A4 letters on PDFsharp's XGraphics (MigraDoc is not available): a DIN 5008 address
/// field, paragraphs wrapped by word, headings, a simple table; a block that does not fit starts a new
/// page. Every text is tagged in the structure tree (PDF/UA-style, language German) and rules are
/// artifacts, so screen readers read the letter in order (ADR 0023).
/// </summary>
public sealed class PdfLetter : IDisposable
{
    private const double Mm = 72 / 25.4;
    public const double Left = 25 * Mm;
    public const double Right = 20 * Mm;
    private const double Top = 20 * Mm;
    private const double Bottom = 25 * Mm;
    private const double LineFactor = 1.3;

    private readonly PdfDocument _document = new();
    private readonly StructureBuilder _structure;
    private readonly XPdfFontOptions _unicode = new(PdfFontEncoding.Unicode);
    private XGraphics _gfx = null!;
    private PdfPage _page = null!;

    public XFont Normal { get; }
    public XFont Small { get; }
    public XFont Strong { get; }
    public XFont Title { get; }
    public XFont Heading { get; }

    /// <summary>Where the next block starts, from the page's top.</summary>
    public double Y { get; set; }

    public double Width => _page.Width.Point - Left - Right;

    public PdfLetter(string title, string author)
    {
        LetterFonts.EnsureRegistered();
        Normal = new XFont(LetterFonts.Family, 10.5, XFontStyleEx.Regular, _unicode);
        Small = new XFont(LetterFonts.Family, 7.5, XFontStyleEx.Regular, _unicode);
        Strong = new XFont(LetterFonts.Family, 10.5, XFontStyleEx.Bold, _unicode);
        Title = new XFont(LetterFonts.Family, 13, XFontStyleEx.Bold, _unicode);
        Heading = new XFont(LetterFonts.Family, 11, XFontStyleEx.Bold, _unicode);

        _document.Info.Title = title;
        _document.Info.Author = author;
        _document.Info.Creator = "NestPortal";
        _document.ViewerPreferences.DisplayDocTitle = true;
        // PDFsharp's PDF/A switch (PDF/A-1b-style XMP metadata and an sRGB output intent); see ADR 0023 for what it does not check.
        _document.SetPdfA();
        var ua = UAManager.ForDocument(_document);
        ua.SetDocumentLanguage("de-DE");
        _structure = ua.StructureBuilder;
        NewPage();
    }

    private void NewPage()
    {
        _gfx?.Dispose();
        _page = _document.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _gfx = XGraphics.FromPdfPage(_page);
        Y = Top;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one.</summary>
    public void Reserve(double height)
    {
        if (Y + height > _page.Height.Point - Bottom) NewPage();
    }

    public double LineHeight(XFont font) => font.GetHeight() * LineFactor;

    /// <summary>
    /// The first page's head: the sender with its address, and (DIN 5008 form B) the return line and the
    /// address field 45 mm from the top; below it, over the full width, the reference lines. Sets <see cref="Y"/> below them.
    /// </summary>
    public void Head(Legal.OperatorOptions from, IEnumerable<string> addressee, IEnumerable<string> references)
    {
        var headEnd = LinesAt([from.Name], Heading, Left, 15 * Mm, Width);
        var contact = string.Join(" · ", new[] { from.Phone is { Length: > 0 } phone ? "Telefon " + phone : null, from.Email }.Where(s => s is { Length: > 0 }));
        LinesAt([$"{from.Street} · {from.PostalCode} {from.City}", contact], Small, Left, headEnd, Width);
        LinesAt([$"{from.Name} · {from.Street} · {from.PostalCode} {from.City}"], Small, Left, 45 * Mm, 85 * Mm);
        LinesAt(addressee, Normal, Left, 52 * Mm, 85 * Mm);
        LinesAt(references, Normal, Left, 92 * Mm, Width);
        Y = 108 * Mm;
    }

    /// <summary>Lines at a fixed place (sender, address field, reference block), as one tagged paragraph; <see cref="Y"/> is not moved.</summary>
    public double LinesAt(IEnumerable<string> lines, XFont font, double x, double y, double width)
    {
        _structure.BeginElement(PdfBlockLevelElementTag.Paragraph);
        foreach (var line in lines.SelectMany(l => Wrap(l, font, width)))
        {
            _gfx.DrawString(line, font, XBrushes.Black, x, y, XStringFormats.TopLeft);
            y += LineHeight(font);
        }

        _structure.End();
        return y;
    }

    /// <summary>A paragraph over the full width, wrapped by word; moves <see cref="Y"/> past it and a gap.</summary>
    public void Paragraph(string text, XFont? font = null, double gapAfter = 6, PdfBlockLevelElementTag tag = PdfBlockLevelElementTag.Paragraph)
    {
        font ??= Normal;
        var lines = Wrap(text, font, Width).ToList();
        Reserve(lines.Count * LineHeight(font));
        _structure.BeginElement(tag);
        foreach (var line in lines)
        {
            _gfx.DrawString(line, font, XBrushes.Black, Left, Y, XStringFormats.TopLeft);
            Y += LineHeight(font);
        }

        _structure.End();
        Y += gapAfter;
    }

    public void HeadingLine(string text, XFont font, PdfBlockLevelElementTag tag)
    {
        // A heading is never left alone at a page's foot.
        Reserve(LineHeight(font) * 3);
        Paragraph(text, font, 4, tag);
    }

    /// <summary>A table with a header row; columns at the given fractions of the width; rows never split.</summary>
    public void Table(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<double> columns)
    {
        var row = LineHeight(Normal) + 2;
        Reserve(row * Math.Min(rows.Count + 1, 4));
        _structure.BeginElement(PdfBlockLevelElementTag.Table);
        DrawRow(header, columns, Strong, PdfBlockLevelElementTag.TableHeaderCell);
        Rule(Y - 1);
        foreach (var cells in rows)
        {
            if (Y + row > _page.Height.Point - Bottom)
            {
                _structure.End();
                NewPage();
                _structure.BeginElement(PdfBlockLevelElementTag.Table);
            }

            DrawRow(cells, columns, Normal, PdfBlockLevelElementTag.TableDataCell);
        }

        _structure.End();
        Y += 6;
    }

    private void DrawRow(IReadOnlyList<string> cells, IReadOnlyList<double> columns, XFont font, PdfBlockLevelElementTag cellTag)
    {
        _structure.BeginElement(PdfBlockLevelElementTag.TableRow);
        var x = Left;
        for (var i = 0; i < cells.Count; i++)
        {
            var width = columns[i] * Width;
            _structure.BeginElement(cellTag);
            _gfx.DrawString(Fit(cells[i], font, width - 4), font, XBrushes.Black, x, Y, XStringFormats.TopLeft);
            _structure.End();
            x += width;
        }

        _structure.End();
        Y += LineHeight(font) + 2;
    }

    /// <summary>A thin rule: decoration, so an artifact, not content.</summary>
    public void Rule(double y)
    {
        _structure.BeginArtifact();
        _gfx.DrawLine(new XPen(XColors.Gray, 0.5), Left, y, Left + Width, y);
        _structure.End();
    }

    public byte[] ToBytes()
    {
        _gfx.Dispose();
        using var stream = new MemoryStream();
        _document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        _gfx?.Dispose();
        _document.Dispose();
    }

    /// <summary>Splits a text at spaces into lines no wider than <paramref name="width"/>; line breaks in the text are kept.</summary>
    private IEnumerable<string> Wrap(string text, XFont font, double width)
    {
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = string.Empty;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && _gfx.MeasureString(candidate, font).Width > width)
                {
                    yield return line;
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }

            yield return line;
        }
    }

    /// <summary>A table cell's text, shortened with an ellipsis if wider than its column (names are short; a cell never overflows into the next).</summary>
    private string Fit(string text, XFont font, double width)
    {
        if (_gfx.MeasureString(text, font).Width <= width) return text;
        while (text.Length > 1 && _gfx.MeasureString(text + "…", font).Width > width) text = text[..^1];
        return text + "…";
    }
}
