using Microsoft.Extensions.Localization;

namespace NestPortal.Web.Import;

/// <summary>
/// The import format as the portal explains it (page <c>/Admin/Import/Format</c>): what each sheet holds and
/// what goes into each column. The sheets, their columns, the English names and which columns are required
/// come from <see cref="ImportSheets"/> itself, so the page can only describe what the importer reads; only
/// the explanations are written here. Tests fail when a column has no explanation, an explanation names no
/// column, or docs/import.md lists other columns than <see cref="ImportSheets"/>.
/// </summary>
public static class ImportFormat
{
    public sealed record ColumnHelp(ImportColumn Column, string Meaning);

    public sealed record SheetHelp(ImportSheet Sheet, string Purpose, IReadOnlyList<ColumnHelp> Columns);

    /// <summary>Every sheet in the order the import applies them, each with its columns in the importer's order.</summary>
    public static IReadOnlyList<SheetHelp> Describe(IStringLocalizer l) =>
        ImportSheets.All.Select(sheet => new SheetHelp(sheet, Purposes[sheet.Name](l),
            sheet.Columns.Select(c => new ColumnHelp(c, MeaningOf(sheet, c)?.Invoke(l) ?? string.Empty)).ToList())).ToList();

    /// <summary>The explanation of a column: the sheet's own, else the one the column has wherever it appears.</summary>
    public static Func<IStringLocalizer, string>? MeaningOf(ImportSheet sheet, ImportColumn column) =>
        Meanings.GetValueOrDefault((sheet.Name, column.German)) ?? Meanings.GetValueOrDefault((AnySheet, column.German));

    /// <summary>Marks an explanation that holds for the column in every sheet that has it.</summary>
    public const string AnySheet = "*";

    public static readonly IReadOnlyDictionary<string, Func<IStringLocalizer, string>> Purposes = new Dictionary<string, Func<IStringLocalizer, string>>
    {
        ["Kommunen"] = l => l["Ratsbeschlüsse „Sicherer Hafen“ der Kommunen. Das Blatt hat keine Referenz: der Gemeindeschlüssel benennt die Zeile."],
        ["Gruppen"] = l => l["Mentoring-Gruppen, die das Kompetenzzentrum schon geprüft hat: sie werden als freigegebene Gruppen übernommen."],
        ["Mitglieder"] = l => l["Die Mitglieder der Gruppen, Personen und Organisationen, mit frühen Abgängen."],
        ["Familien"] = l => l["Die geflüchteten Familien; ihre Personen stehen im Blatt Personen."],
        ["Personen"] = l => l["Die Personen der Familien mit Aufnahmezusage, Einreise und frühem Ausscheiden."],
        ["Patenschaften"] = l => l["Mentoring-Übernahmen: Gruppe und Familie, Wohnung und Mietkonto, und wie die Patenschaft geendet hat."],
        ["Zuweisungen"] = l => l["Zuweisungsentscheidungen; mehrere Entscheidungen einer Familie gelten in der Reihenfolge ihres Datums."],
        ["Buchungen"] = l => l["Die Buchungen der Mietkonten, je Patenschaft in der Reihenfolge der Wertstellung."],
        ["Öffentlichkeitsarbeit"] = l => l["Veranstaltungen und Aktionen bei Kommunen."],
    };

    public static readonly IReadOnlyDictionary<(string Sheet, string Column), Func<IStringLocalizer, string>> Meanings =
        new Dictionary<(string, string), Func<IStringLocalizer, string>>
        {
            [(AnySheet, ImportSheets.Reference)] = l => l["Ihre Kennung der Zeile, höchstens 100 Zeichen, im Blatt eindeutig; andere Blätter verweisen mit ihr auf die Zeile. Eine schon importierte Referenz wird übersprungen."],
            [(AnySheet, "Gruppe")] = l => l["Referenz der Gruppe (Blatt Gruppen oder ein früherer Import)"],
            [(AnySheet, "Familie")] = l => l["Referenz der Familie (Blatt Familien oder ein früherer Import)"],
            [(AnySheet, "Vorname")] = l => l["Vorname"],
            [(AnySheet, "Nachname")] = l => l["Nachname"],
            [(AnySheet, "Geburtsdatum")] = l => l["Geburtsdatum"],
            [(AnySheet, "Ausgeschieden am")] = l => l["Tag des frühen Ausscheidens, falls es eines gab"],

            [("Kommunen", "AGS")] = l => l["Gemeindeschlüssel der Kommune, z. B. 05315000"],
            [("Kommunen", "Sicherer Hafen seit")] = l => l["Tag des Ratsbeschlusses"],

            [("Gruppen", "Name")] = l => l["Name der Gruppe"],
            [("Gruppen", "Kommune")] = l => l["Gemeindeschlüssel (AGS) des Wohnorts der Gruppe"],
            [("Gruppen", "Eingereicht am")] = l => l["Tag der Einreichung; bestimmt die geltenden Programmregeln"],
            [("Gruppen", "Sicherheitsüberprüfung am")] = l => l["Tag der bestandenen Sicherheitsüberprüfung durch das BAMF"],
            [("Gruppen", "Konzept")] = l => l["Unterstützungsplan als Text; leer: der Plan liegt in der Akte des Kompetenzzentrums"],

            [("Mitglieder", "Art")] = l => l["„Person“ (Vorgabe) oder „Organisation“"],
            [("Mitglieder", "Vorname")] = l => l["Vorname (für Personen)"],
            [("Mitglieder", "Nachname")] = l => l["Nachname (für Personen)"],
            [("Mitglieder", "Organisation")] = l => l["Name der Organisation (für Organisationen)"],
            [("Mitglieder", "Vertreten durch")] = l => l["wer die Organisation vertritt"],
            [("Mitglieder", "E-Mail")] = l => l["E-Mail-Adresse, in der Gruppe nur einmal"],
            [("Mitglieder", "Telefon")] = l => l["Telefonnummer"],
            [("Mitglieder", "Geburtsdatum")] = l => l["Geburtsdatum (für Personen Pflicht)"],
            [("Mitglieder", "Schulung am")] = l => l["Tag der Schulung"],
            [("Mitglieder", "Hauptansprechperson")] = l => l["ja oder nein"],
            [("Mitglieder", "Grund des Ausscheidens")] = l => l["Grund, Pflicht mit „Ausgeschieden am“"],

            [("Familien", "Erwartete Ankunft")] = l => l["erwarteter Tag der Ankunft"],

            [("Personen", "Geschlecht")] = l => l["weiblich (w), männlich (m), divers (d) oder unbekannt (u)"],
            [("Personen", "Staatsangehörigkeit")] = l => l["Ländercode (SY oder SYR) oder Name auf Deutsch oder Englisch (Syrien, Syria); auch „staatenlos“ oder „ungeklärt“"],
            [("Personen", "Erstaufnahmeland")] = l => l["Ländercode (LB oder LBN) oder Name auf Deutsch oder Englisch (Libanon, Lebanon)"],
            [("Personen", "Aufnahmezusage am")] = l => l["Tag der Aufnahmezusage"],
            [("Personen", "Aktenzeichen Aufnahmezusage")] = l => l["Aktenzeichen der Aufnahmezusage"],
            [("Personen", "Visum am")] = l => l["Tag des Visums"],
            [("Personen", "Eingereist am")] = l => l["Tag der Einreise"],
            [("Personen", "Grund des Ausscheidens")] = l => l["Umzug, Auf eigenen Wunsch, Konflikt mit der Gruppe, Ausreise aus Deutschland, Verstorben oder Sonstiges"],
            [("Personen", "Bemerkung zum Ausscheiden")] = l => l["Bemerkung, Pflicht bei „Sonstiges“"],

            [("Patenschaften", "Vermittelt am")] = l => l["Tag der Vermittlung"],
            [("Patenschaften", "Regeln")] = l => l["Name eines Regelwerks; leer: das Regelwerk der Einreichung der Gruppe"],
            [("Patenschaften", "Begründung Regeln")] = l => l["Begründung, Pflicht wenn ein anderes Regelwerk genannt ist"],
            [("Patenschaften", "Straße")] = l => l["Straße und Hausnummer der Wohnung"],
            [("Patenschaften", "PLZ")] = l => l["Postleitzahl der Wohnung"],
            [("Patenschaften", "Ort")] = l => l["Ort der Wohnung"],
            [("Patenschaften", "Kommune")] = l => l["Gemeindeschlüssel (AGS) der Kommune der Wohnung"],
            [("Patenschaften", "Wohnfläche")] = l => l["Wohnfläche in m²"],
            [("Patenschaften", "Zimmer")] = l => l["Zimmer, in halben Zimmern (2,5)"],
            [("Patenschaften", "Nettokaltmiete")] = l => l["monatliche Nettokaltmiete in Euro (0 für eine Wohnung der Gruppe)"],
            [("Patenschaften", "Mietbeginn")] = l => l["Beginn des Mietvertrags"],
            [("Patenschaften", "Wohnung der Gruppe")] = l => l["ja, wenn die Wohnung der Gruppe gehört"],
            [("Patenschaften", "Kontoinhaber")] = l => l["Inhaber des Mietkontos"],
            [("Patenschaften", "IBAN")] = l => l["IBAN des Mietkontos"],
            [("Patenschaften", "Bank")] = l => l["Bank des Mietkontos"],
            [("Patenschaften", "Ende")] = l => l["leer (läuft noch), „abgeschlossen“ oder „aufgelöst“ (die Gruppe hat sich aufgelöst)"],
            [("Patenschaften", "Beendet am")] = l => l["bei „abgeschlossen“ der Tag des Abschlusses, bei „aufgelöst“ der Tag der Auflösung"],
            [("Patenschaften", "Weitergeführt von")] = l => l["bei „aufgelöst“: wer die Begleitung weitergeführt hat (Pflicht)"],
            [("Patenschaften", "Abgeschlossen am")] = l => l["bei „aufgelöst“: Tag des späteren Abschlusses, falls es einen gab"],

            [("Zuweisungen", "Kommune")] = l => l["Gemeindeschlüssel (AGS) der Kommune, der die Familie zugewiesen wird"],
            [("Zuweisungen", "Entscheidung am")] = l => l["Tag der Entscheidung"],
            [("Zuweisungen", "Aktenzeichen")] = l => l["Aktenzeichen der Entscheidung"],
            [("Zuweisungen", "Wirksam ab")] = l => l["Tag, ab dem die Zuweisung gilt"],
            [("Zuweisungen", "Rechtsgrundlage")] = l => l["leer: § 16 TIntG NRW mit § 24 Abs. 4 AufenthG"],

            [("Buchungen", "Patenschaft")] = l => l["Referenz der Patenschaft"],
            [("Buchungen", "Art")] = l => l["Einzahlung, Miete, Rückzahlung oder Korrektur"],
            [("Buchungen", "Betrag")] = l => l["positiver Betrag in Euro; nicht bei Miete (die Miete des Monats) und Korrektur (der korrigierte Betrag)"],
            [("Buchungen", "Wertstellung")] = l => l["Tag der Wertstellung"],
            [("Buchungen", "Mietmonat")] = l => l["bei Miete der Monat, z. B. 11.2019"],
            [("Buchungen", "Verwendungszweck")] = l => l["Verwendungszweck, Pflicht bei Einzahlung, Rückzahlung und Korrektur"],
            [("Buchungen", "Korrigiert")] = l => l["bei Korrektur die Referenz der korrigierten Buchung"],

            [("Öffentlichkeitsarbeit", "Datum")] = l => l["Tag der Veranstaltung oder Aktion"],
            [("Öffentlichkeitsarbeit", "Titel")] = l => l["Titel"],
            [("Öffentlichkeitsarbeit", "Art")] = l => l["Konferenz, Druck, Web oder Treffen"],
            [("Öffentlichkeitsarbeit", "Eingeladen")] = l => l["Gemeindeschlüssel der eingeladenen Kommunen, durch Kommas oder Leerzeichen getrennt"],
            [("Öffentlichkeitsarbeit", "Informiert")] = l => l["Gemeindeschlüssel der informierten Kommunen; jede zählt auch als eingeladen"],
            [("Öffentlichkeitsarbeit", "Notiz")] = l => l["Notiz"],
        };
}
