namespace NestPortal.Web.Import;

/// <summary>One column of an import sheet: its German name (the key), its English name, whether it must be there.</summary>
public sealed record ImportColumn(string German, string English, bool Required = false);

/// <summary>One sheet (or CSV file) of the import format, as docs/import.md describes it.</summary>
public sealed record ImportSheet(string Name, string EnglishName, string Kind, IReadOnlyList<ImportColumn> Columns)
{
    /// <summary>The column that names the row (Referenz; AGS for the Kommunen sheet, which has none).</summary>
    public string ReferenceColumn => Columns[0].German;

    public bool Matches(string sheetName) =>
        ImportHeaders.Normalise(sheetName) is var name && (name == ImportHeaders.Normalise(Name) || name == ImportHeaders.Normalise(EnglishName));
}

/// <summary>The sheets of the import format in the order they are applied: later sheets refer to earlier ones.</summary>
public static class ImportSheets
{
    public const string Reference = "Referenz";

    private static readonly ImportColumn Ref = new(Reference, "Reference", true);

    public static readonly ImportSheet Municipalities = new("Kommunen", "Municipalities", "Municipality",
    [
        new("AGS", "AGS", true), new("Sicherer Hafen seit", "Safe harbour since", true),
    ]);

    public static readonly ImportSheet Groups = new("Gruppen", "Groups", "Group",
    [
        Ref, new("Name", "Name", true), new("Kommune", "Municipality", true), new("Eingereicht am", "Submitted on", true),
        new("Sicherheitsüberprüfung am", "Security check on", true), new("Konzept", "Support plan"),
    ]);

    public static readonly ImportSheet Members = new("Mitglieder", "Members", "Member",
    [
        Ref, new("Gruppe", "Group", true), new("Art", "Kind"), new("Vorname", "Given name"), new("Nachname", "Family name"),
        new("Organisation", "Organisation"), new("Vertreten durch", "Represented by"), new("E-Mail", "Email", true),
        new("Telefon", "Phone"), new("Geburtsdatum", "Date of birth"), new("Schulung am", "Training on"),
        new("Hauptansprechperson", "Main contact"), new("Ausgeschieden am", "Left on"), new("Grund des Ausscheidens", "Leaving reason"),
    ]);

    public static readonly ImportSheet Households = new("Familien", "Households", "Household",
    [
        Ref, new("Erwartete Ankunft", "Expected arrival"),
    ]);

    public static readonly ImportSheet Persons = new("Personen", "Persons", "Person",
    [
        Ref, new("Familie", "Household", true), new("Vorname", "Given name", true), new("Nachname", "Family name", true),
        new("Geburtsdatum", "Date of birth", true), new("Geschlecht", "Sex", true), new("Staatsangehörigkeit", "Nationality", true),
        new("Erstaufnahmeland", "First refuge country", true), new("Aufnahmezusage am", "Admission decision on", true),
        new("Aktenzeichen Aufnahmezusage", "Admission decision reference", true), new("Visum am", "Visa on"),
        new("Eingereist am", "Arrived on"), new("Ausgeschieden am", "Left on"), new("Grund des Ausscheidens", "Departure reason"),
        new("Bemerkung zum Ausscheiden", "Departure note"),
    ]);

    public static readonly ImportSheet Sponsorships = new("Patenschaften", "Sponsorships", "Sponsorship",
    [
        Ref, new("Gruppe", "Group", true), new("Familie", "Household", true), new("Vermittelt am", "Matched on", true),
        new("Regeln", "Rule set"), new("Begründung Regeln", "Rule set reason"), new("Straße", "Street", true),
        new("PLZ", "Postcode", true), new("Ort", "City", true), new("Kommune", "Municipality", true),
        new("Wohnfläche", "Living space", true), new("Zimmer", "Rooms", true), new("Nettokaltmiete", "Net cold rent", true),
        new("Mietbeginn", "Lease start", true), new("Wohnung der Gruppe", "Owned by group"),
        new("Kontoinhaber", "Account holder", true), new("IBAN", "IBAN", true), new("Bank", "Bank", true),
        new("Ende", "End"), new("Beendet am", "Ended on"), new("Weitergeführt von", "Continued by"), new("Abgeschlossen am", "Completed on"),
    ]);

    public static readonly ImportSheet Allocations = new("Zuweisungen", "Allocations", "Allocation",
    [
        Ref, new("Familie", "Household", true), new("Kommune", "Municipality", true), new("Entscheidung am", "Decision date", true),
        new("Aktenzeichen", "File reference", true), new("Wirksam ab", "Effective from", true), new("Rechtsgrundlage", "Legal basis"),
    ]);

    public static readonly ImportSheet Entries = new("Buchungen", "Entries", "EscrowEntry",
    [
        Ref, new("Patenschaft", "Sponsorship", true), new("Art", "Kind", true), new("Betrag", "Amount"),
        new("Wertstellung", "Value date", true), new("Mietmonat", "Rent month"), new("Verwendungszweck", "Reference text"),
        new("Korrigiert", "Corrects"),
    ]);

    public static readonly ImportSheet Outreach = new("Öffentlichkeitsarbeit", "Outreach", "Outreach",
    [
        Ref, new("Datum", "Date", true), new("Titel", "Title", true), new("Art", "Kind", true), new("Eingeladen", "Invited"),
        new("Informiert", "Informed"), new("Notiz", "Note"),
    ]);

    public static readonly IReadOnlyList<ImportSheet> All =
        [Municipalities, Groups, Members, Households, Persons, Sponsorships, Allocations, Entries, Outreach];

    public static ImportSheet? Find(string sheetName) => All.FirstOrDefault(s => s.Matches(sheetName));
}
