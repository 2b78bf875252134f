using System.Xml;

namespace NestPortal.Web.Import;

/// <summary>
/// A forward-only pass over a workbook's XML parts with an <see cref="XmlReader"/> that refuses DTDs and reads
/// cell texts in chunks (never a whole value), so a sheet is measured before MiniExcel sees it: the declared
/// dimension, every row (empty ones too: three million empty rows are refused at the limit, not skipped for
/// a minute and a half), every cell's column and the length of its value. Shared texts are measured first;
/// the first one too long is then looked for among the cells, so the refusal names its cell.
/// </summary>
public sealed class ImportXmlScan(ImportLimits limits, ImportTexts l, CancellationToken cancellationToken)
{
    private readonly char[] _chunk = new char[4096];

    private XmlReader Reader(Stream stream) => XmlReader.Create(stream, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = limits.MaxUncompressedBytes,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    });

    /// <summary>Each worksheet part's path ("xl/worksheets/sheet1.xml") with the sheet's name, from the workbook and its relationships.</summary>
    public Dictionary<string, string> SheetParts(Stream workbook, Stream relationships)
    {
        var idOfName = new List<(string Name, string Id)>();
        using (var reader = Reader(workbook))
        {
            while (reader.Read())
            {
                if (reader is { NodeType: XmlNodeType.Element, LocalName: "sheet" }
                    && reader.GetAttribute("name") is { } name && RelationshipId(reader) is { } id)
                    idOfName.Add((name, id));
            }
        }

        var targetOf = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var reader = Reader(relationships))
        {
            while (reader.Read())
            {
                if (reader is { NodeType: XmlNodeType.Element, LocalName: "Relationship" }
                    && reader.GetAttribute("Id") is { } id && reader.GetAttribute("Target") is { } target)
                    targetOf[id] = target.StartsWith('/') ? target[1..] : "xl/" + target.Replace("./", string.Empty, StringComparison.Ordinal);
            }
        }

        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, id) in idOfName)
            if (targetOf.TryGetValue(id, out var path)) parts.TryAdd(path, name);
        return parts;
    }

    private static string? RelationshipId(XmlReader reader)
    {
        for (var i = 0; i < reader.AttributeCount; i++)
        {
            reader.MoveToAttribute(i);
            if (reader.LocalName == "id" && reader.NamespaceURI.Contains("relationships", StringComparison.Ordinal))
            {
                var value = reader.Value;
                reader.MoveToElement();
                return value;
            }
        }

        reader.MoveToElement();
        return null;
    }

    /// <summary>The index of the first shared text longer than the limit (reading stops there), or null.</summary>
    public int? FirstTooLongSharedString(Stream stream)
    {
        using var reader = Reader(stream);
        var index = -1;
        long length = 0;
        var nodes = 0;
        while (reader.Read())
        {
            if (++nodes % 4096 == 0) cancellationToken.ThrowIfCancellationRequested();
            if (reader.NodeType != XmlNodeType.Element) continue;
            if (reader.LocalName == "si")
            {
                index++;
                length = 0;
            }
            else if (reader.LocalName == "t" && index >= 0)
            {
                length += TextLength(reader, length, out _);
                if (length > limits.MaxCellLength) return index;
            }
        }

        return null;
    }

    /// <summary>Refuses the sheet at the first row, column or value over the limits; names the cell holding shared text <paramref name="tooLong"/>.</summary>
    public int Worksheet(Stream stream, string sheet, int? tooLong)
    {
        using var reader = Reader(stream);
        var rows = 0;
        var lastRow = 0;
        var columnOfRow = 0;
        string? cell = null;
        var sharedText = false;
        var nodes = 0;
        while (reader.Read())
        {
            if (++nodes % 4096 == 0) cancellationToken.ThrowIfCancellationRequested();
            if (reader.NodeType != XmlNodeType.Element) continue;
            switch (reader.LocalName)
            {
                case "dimension" when reader.GetAttribute("ref") is { } range:
                    var (lastColumn, declaredRows) = CellReference.Parse(range[(range.IndexOf(':') + 1)..]);
                    if (declaredRows - 1 > limits.MaxRowsPerSheet)
                        throw ImportFileGuard.Refused(sheet, l["Das Blatt „{0}“ erklärt {1:N0} Zeilen; erlaubt sind höchstens {2:N0}. Bitte teilen Sie die Daten auf mehrere Importe auf oder löschen Sie leere Zeilen am Ende des Blatts; es wurde nichts übernommen.", sheet, declaredRows, limits.MaxRowsPerSheet]);
                    if (lastColumn > limits.MaxColumns) throw TooWide(sheet, lastColumn);
                    break;
                case "row":
                    rows++;
                    lastRow = int.TryParse(reader.GetAttribute("r"), out var number) ? number : lastRow + 1;
                    columnOfRow = 0;
                    // The header is row 1; empty rows count, so a sheet of millions of them stops here at the limit.
                    if (Math.Max(rows, lastRow) - 1 > limits.MaxRowsPerSheet)
                        throw ImportFileGuard.Refused(sheet, l["Das Blatt „{0}“ hat mehr als {1:N0} Zeilen (leere Zeilen mitgezählt). Bitte teilen Sie die Daten auf mehrere Importe auf oder löschen Sie leere Zeilen am Ende des Blatts; es wurde nichts übernommen.", sheet, limits.MaxRowsPerSheet], Math.Max(rows, lastRow));
                    break;
                case "c":
                    // The reference is optional: a cell without one is the next in its row.
                    cell = reader.GetAttribute("r") ?? CellReference.Letters(columnOfRow + 1) + lastRow.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    sharedText = reader.GetAttribute("t") == "s";
                    columnOfRow = CellReference.Parse(cell).Column;
                    if (columnOfRow > limits.MaxColumns) throw TooWide(sheet, columnOfRow);
                    break;
                case "v" or "t" when cell is not null:
                    var length = TextLength(reader, 0, out var start);
                    if (length > limits.MaxCellLength || (sharedText && tooLong is { } index && start == index.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                        throw ImportFileGuard.Refused(sheet, l["Die Zelle {0} im Blatt „{1}“ ist länger als {2:N0} Zeichen; kein Feld des Imports ist so lang (am längsten ist das Konzept einer Gruppe). Bitte kürzen Sie den Text.", cell, sheet, limits.MaxCellLength],
                            CellReference.Parse(cell).Row, cell);
                    break;
            }
        }

        return rows;
    }

    private ImportRefusedException TooWide(string sheet, int column) =>
        ImportFileGuard.Refused(sheet, l["Das Blatt „{0}“ hat Zellen in Spalte {1}; erlaubt sind höchstens {2:N0} Spalten. Bitte löschen Sie die Spalten rechts der Tabelle.", sheet, CellReference.Letters(column), limits.MaxColumns]);

    /// <summary>
    /// The length of the element's text, read in chunks and given up on once past the limit (so a text of
    /// 200 MB is never held); <paramref name="start"/> is its first few characters (a shared text's index).
    /// </summary>
    private long TextLength(XmlReader reader, long before, out string start)
    {
        start = string.Empty;
        if (reader.IsEmptyElement) return 0;
        long length = 0;
        reader.Read();
        while (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
        {
            int read;
            while ((read = reader.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
            {
                if (length == 0) start = new string(_chunk, 0, Math.Min(read, 16)).Trim();
                length += read;
                if (before + length > limits.MaxCellLength) return length;
            }

            reader.Read();
        }

        return length;
    }
}

/// <summary>A cell reference such as "AB12": its column (A = 1) and row.</summary>
public static class CellReference
{
    public static (int Column, int Row) Parse(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]) && column <= 1_000_000; i++)
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        var row = 0;
        for (; i < reference.Length && char.IsAsciiDigit(reference[i]) && row <= 100_000_000; i++)
            row = row * 10 + (reference[i] - '0');
        return (column, row);
    }

    public static string Letters(int column)
    {
        var letters = string.Empty;
        for (; column > 0; column = (column - 1) / 26) letters = (char)('A' + (column - 1) % 26) + letters;
        return letters;
    }
}
