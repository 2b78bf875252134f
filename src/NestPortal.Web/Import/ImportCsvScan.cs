namespace NestPortal.Web.Import;

/// <summary>
/// A pass over one CSV file's bytes as they are unpacked: records (a line break inside quotes does not end
/// one), each record's length and each field's, against the same limits as a sheet, before CsvHelper reads a
/// line (it would buffer a field of any length). Empty lines count as records, as empty rows do in a sheet.
/// </summary>
public sealed class ImportCsvScan(ImportLimits limits, ImportTexts l, string sheet)
{
    public int Scan(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var records = 0;
        long recordBytes = 0;
        var fieldChars = 0;
        var field = 0;
        var quoted = false;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var b in buffer.AsSpan(0, read))
            {
                if (b == (byte)'\n' && !quoted)
                {
                    EndRecord();
                    continue;
                }

                if (++recordBytes > limits.MaxCsvRecordBytes)
                    throw ImportFileGuard.Refused(sheet, l["Die Zeile {0} im Blatt „{1}“ ist länger als {2:N0} KB. Bitte prüfen Sie das Trennzeichen (Semikolon) und die Anführungszeichen.", records + 1, sheet, limits.MaxCsvRecordBytes / 1024], records + 1);
                if (b == (byte)'"') quoted = !quoted;
                else if (b == (byte)';' && !quoted)
                {
                    field++;
                    fieldChars = 0;
                    if (field >= limits.MaxColumns)
                        throw ImportFileGuard.Refused(sheet, l["Das Blatt „{0}“ hat Zellen in Spalte {1}; erlaubt sind höchstens {2:N0} Spalten. Bitte löschen Sie die Spalten rechts der Tabelle.", sheet, CellReference.Letters(field + 1), limits.MaxColumns], records + 1);
                }
                // Characters, not bytes: a UTF-8 continuation byte (10xxxxxx) belongs to the character before.
                else if ((b & 0xC0) != 0x80 && b != (byte)'\r' && ++fieldChars > limits.MaxCellLength)
                {
                    var cell = CellReference.Letters(field + 1) + (records + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    throw ImportFileGuard.Refused(sheet, l["Die Zelle {0} im Blatt „{1}“ ist länger als {2:N0} Zeichen; kein Feld des Imports ist so lang (am längsten ist das Konzept einer Gruppe). Bitte kürzen Sie den Text.", cell, sheet, limits.MaxCellLength], records + 1, cell);
                }
            }
        }

        if (recordBytes > 0) EndRecord();
        return records;

        void EndRecord()
        {
            records++;
            recordBytes = 0;
            fieldChars = 0;
            field = 0;
            // The header is record 1.
            if (records - 1 > limits.MaxRowsPerSheet)
                throw ImportFileGuard.Refused(sheet, l["Das Blatt „{0}“ hat mehr als {1:N0} Zeilen (leere Zeilen mitgezählt). Bitte teilen Sie die Daten auf mehrere Importe auf oder löschen Sie leere Zeilen am Ende des Blatts; es wurde nichts übernommen.", sheet, limits.MaxRowsPerSheet], records);
        }
    }
}
