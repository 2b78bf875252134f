using System.Text;
using MiniExcelLibs;

namespace NestPortal.Development.Import;

/// <summary>
/// Builds import files in the format of docs/import.md: a valid dataset of any size (groups of four with
/// households, persons, sponsorships, allocations, ledger entries, outreach), for the benchmark command
/// and for tests, which spoil it one cell at a time.
/// </summary>
public sealed class ImportSampleWorkbook
{
    public const string Iban = "DE89370400440532013000";

    public Dictionary<string, List<Dictionary<string, object?>>> Sheets { get; } = new();

    public List<Dictionary<string, object?>> this[string sheet] => Sheets.TryGetValue(sheet, out var rows) ? rows : Sheets[sheet] = [];

    /// <summary>A consistent dataset: <paramref name="groups"/> groups (four members each) matched with as many households.</summary>
    public static ImportSampleWorkbook Valid(int groups = 2, string prefix = "T")
    {
        var book = new ImportSampleWorkbook();
        for (var i = 1; i <= groups; i++)
        {
            var g = $"{prefix}-G{i}";
            var h = $"{prefix}-F{i}";
            var s = $"{prefix}-P{i}";
            book["Gruppen"].Add(new()
            {
                ["Referenz"] = g, ["Name"] = $"Importgruppe {prefix} {i}", ["Kommune"] = "05913000", ["Eingereicht am"] = "01.03.2023",
                ["Sicherheitsüberprüfung am"] = "15.03.2023", ["Konzept"] = "Wir begleiten die Familie im Alltag.",
            });
            for (var m = 1; m <= 4; m++)
            {
                book["Mitglieder"].Add(new()
                {
                    ["Referenz"] = $"{g}-M{m}", ["Gruppe"] = g, ["Art"] = "Person", ["Vorname"] = $"Vorname{m}", ["Nachname"] = $"Nachname{i}",
                    ["E-Mail"] = $"m{m}.{prefix.ToLowerInvariant()}{i}@example.org", ["Telefon"] = "0231 123456", ["Geburtsdatum"] = "12.04.1980",
                    ["Schulung am"] = "10.01.2023", ["Hauptansprechperson"] = m <= 2 ? "ja" : "nein", ["Ausgeschieden am"] = null, ["Grund des Ausscheidens"] = null,
                });
            }

            book["Familien"].Add(new() { ["Referenz"] = h, ["Erwartete Ankunft"] = "01.06.2023" });
            for (var p = 1; p <= 2; p++)
            {
                book["Personen"].Add(new()
                {
                    ["Referenz"] = $"{h}-P{p}", ["Familie"] = h, ["Vorname"] = $"Person{p}", ["Nachname"] = $"Familie{i}", ["Geburtsdatum"] = "03.07.1985",
                    ["Geschlecht"] = p == 1 ? "w" : "m", ["Staatsangehörigkeit"] = "SY", ["Erstaufnahmeland"] = "LB", ["Aufnahmezusage am"] = "01.02.2023",
                    ["Aktenzeichen Aufnahmezusage"] = $"AZ-{h}-{p}", ["Visum am"] = "01.04.2023", ["Eingereist am"] = "01.06.2023",
                });
            }

            book["Patenschaften"].Add(new()
            {
                ["Referenz"] = s, ["Gruppe"] = g, ["Familie"] = h, ["Vermittelt am"] = "01.05.2023", ["Straße"] = $"Hauptstraße {i}", ["PLZ"] = "44135",
                ["Ort"] = "Dortmund", ["Kommune"] = "05913000", ["Wohnfläche"] = "65,5", ["Zimmer"] = "2,5", ["Nettokaltmiete"] = "650,00",
                ["Mietbeginn"] = "01.05.2023", ["Wohnung der Gruppe"] = "nein", ["Kontoinhaber"] = $"Importgruppe {prefix} {i}", ["IBAN"] = Iban, ["Bank"] = "Sparkasse Dortmund",
            });
            book["Zuweisungen"].Add(new()
            {
                ["Referenz"] = $"{prefix}-Z{i}", ["Familie"] = h, ["Kommune"] = "05913000", ["Entscheidung am"] = "10.05.2023",
                ["Aktenzeichen"] = $"ZW-{i}", ["Wirksam ab"] = "15.05.2023",
            });
            book["Buchungen"].Add(new()
            {
                ["Referenz"] = $"{s}-E1", ["Patenschaft"] = s, ["Art"] = "Einzahlung", ["Betrag"] = "7800,00", ["Wertstellung"] = "20.04.2023",
                ["Mietmonat"] = null, ["Verwendungszweck"] = "Mietkaution Jahr 1", ["Korrigiert"] = null,
            });
            book["Buchungen"].Add(new()
            {
                ["Referenz"] = $"{s}-E2", ["Patenschaft"] = s, ["Art"] = "Miete", ["Betrag"] = null, ["Wertstellung"] = "03.05.2023",
                ["Mietmonat"] = "05.2023", ["Verwendungszweck"] = null, ["Korrigiert"] = null,
            });
        }

        book["Öffentlichkeitsarbeit"].Add(new()
        {
            ["Referenz"] = $"{prefix}-O1", ["Datum"] = "01.09.2023", ["Titel"] = "Fachtag NesT", ["Art"] = "Konferenz",
            ["Eingeladen"] = "05913000, 05315000", ["Informiert"] = "05913000", ["Notiz"] = null,
        });
        book["Kommunen"].Add(new() { ["AGS"] = "05315000", ["Sicherer Hafen seit"] = "12.12.2019" });
        return book;
    }

    /// <summary>
    /// A history for the import benchmark: <paramref name="sponsorships"/> groups as in <see cref="Valid"/>, each
    /// sponsorship with its whole ledger (two deposits, twelve rent months 05.2023–04.2024, 14 rows) and
    /// completed on 31.05.2024, so 100,000 ledger rows are about 7,150 sponsorships.
    /// </summary>
    public static ImportSampleWorkbook History(int sponsorships, string prefix = "H")
    {
        var book = Valid(sponsorships, prefix);
        book["Buchungen"].Clear();
        foreach (var row in book["Patenschaften"])
        {
            var s = (string)row["Referenz"]!;
            row["Ende"] = "abgeschlossen";
            row["Beendet am"] = "31.05.2024";
            book["Buchungen"].Add(Entry($"{s}-E1", s, "Einzahlung", "3900,00", "20.04.2023", null, "Mietkonto Rate 1"));
            book["Buchungen"].Add(Entry($"{s}-E2", s, "Einzahlung", "3900,00", "05.05.2023", null, "Mietkonto Rate 2"));
            for (var m = 0; m < 12; m++)
            {
                var month = new DateOnly(2023, 5, 1).AddMonths(m);
                book["Buchungen"].Add(Entry($"{s}-M{m + 1:00}", s, "Miete", null, month.AddDays(2).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture),
                    month.ToString("MM.yyyy", System.Globalization.CultureInfo.InvariantCulture), null));
            }
        }

        return book;
    }

    private static Dictionary<string, object?> Entry(string reference, string sponsorship, string kind, string? amount, string valueDate, string? month, string? text) => new()
    {
        ["Referenz"] = reference, ["Patenschaft"] = sponsorship, ["Art"] = kind, ["Betrag"] = amount, ["Wertstellung"] = valueDate,
        ["Mietmonat"] = month, ["Verwendungszweck"] = text, ["Korrigiert"] = null,
    };

    public int RowCount => Sheets.Values.Sum(s => s.Count);

    public byte[] ToXlsx()
    {
        using var stream = new MemoryStream();
        // Every row with every column of its sheet: the writer takes its columns from the first row, and a
        // test may set a column (an optional one like "Ende") on a later row only.
        var sheets = Sheets.ToDictionary(s => s.Key, s =>
        {
            var headers = s.Value.SelectMany(r => r.Keys).Distinct().ToList();
            return (object)s.Value.Select(r => headers.ToDictionary(h => h, h => r.GetValueOrDefault(h))).ToList();
        });
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    /// <summary>One CSV file per sheet, semicolon separated, UTF-8 with a byte-order mark on every other file.</summary>
    public IReadOnlyList<(string FileName, byte[] Content)> ToCsvFiles()
    {
        var files = new List<(string, byte[])>();
        var withBom = true;
        foreach (var (name, rows) in Sheets)
        {
            var text = new StringBuilder();
            var headers = rows.SelectMany(r => r.Keys).Distinct().ToList();
            text.AppendLine(string.Join(';', headers));
            foreach (var row in rows)
                text.AppendLine(string.Join(';', headers.Select(h => Quote(row.GetValueOrDefault(h)?.ToString()))));
            var bytes = new UTF8Encoding(withBom).GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
            files.Add(($"{name}.csv", bytes));
            withBom = !withBom;
        }

        return files;
    }

    private static string Quote(string? value) =>
        value is null ? string.Empty : value.Contains(';') || value.Contains('"') ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
