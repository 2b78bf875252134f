using NestPortal.Data.Operations;
using NestPortal.Web.Import;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Import;

/// <summary>Malformed files: each is refused with a German error naming sheet, row and column, and nothing is written.</summary>
public sealed class ImportValidationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<ImportReport> RefusedAsync(ImportSampleWorkbook book)
    {
        var before = await factory.CountsAsync();
        var (import, report) = await factory.DryRunAsync(book.ToXlsx());
        import.Status.ShouldBe(DataImportStatus.Invalid);
        report.ErrorCount.ShouldBeGreaterThan(0);
        (await factory.CountsAsync()).ShouldBe(before);
        return report;
    }

    [Fact]
    public async Task A_wrong_sheet_name_is_listed_as_unknown()
    {
        var book = ImportSampleWorkbook.Valid(1, "SHEET");
        book.Sheets["Grupen"] = book.Sheets["Gruppen"];
        book.Sheets.Remove("Gruppen");

        var report = await RefusedAsync(book);

        report.Errors.ShouldContain(e => e.Sheet == "Grupen" && e.Text.De.Contains("Unbekanntes Blatt „Grupen“") && e.Text.De.Contains("Gruppen"));
    }

    [Fact]
    public async Task A_missing_required_column_is_named()
    {
        var book = ImportSampleWorkbook.Valid(1, "COL");
        foreach (var row in book["Personen"]) row.Remove("Geburtsdatum");

        var report = await RefusedAsync(book);

        report.Errors.ShouldContain(e => e.Sheet == "Personen" && e.Column == "Geburtsdatum" && e.Text.De == "Die Spalte „Geburtsdatum“ fehlt.");
    }

    [Fact]
    public async Task A_bad_date_is_reported_with_sheet_row_and_column()
    {
        var book = ImportSampleWorkbook.Valid(2, "DATE");
        book["Personen"][1]["Eingereist am"] = "31.02.2023";

        var report = await RefusedAsync(book);

        var error = report.Errors.ShouldHaveSingleItem();
        (error.Sheet, error.Row, error.Column).ShouldBe(("Personen", 3, "Eingereist am"));
        error.Text.De.ShouldContain("„31.02.2023“ ist kein Datum");
        error.Text.En.ShouldNotBe(error.Text.De);
    }

    [Fact]
    public async Task A_duplicate_reference_names_the_first_row()
    {
        var book = ImportSampleWorkbook.Valid(2, "DUP");
        book["Familien"][1]["Referenz"] = "DUP-F1";

        var report = await RefusedAsync(book);

        report.Errors.ShouldContain(e => e.Sheet == "Familien" && e.Row == 3 && e.Text.De.Contains("„DUP-F1“ steht in diesem Blatt mehrfach (zuerst in Zeile 2)"));
    }

    [Fact]
    public async Task A_municipality_outside_north_rhine_westphalia_is_refused()
    {
        var book = ImportSampleWorkbook.Valid(1, "AGS");
        book["Gruppen"][0]["Kommune"] = "09162000";

        var report = await RefusedAsync(book);

        report.Errors.ShouldContain(e => e.Sheet == "Gruppen" && e.Row == 2 && e.Column == "Kommune" && e.Text.De.Contains("„09162000“ ist kein Gemeindeschlüssel einer Kommune in Nordrhein-Westfalen"));
    }

    [Fact]
    public async Task A_member_not_yet_adult_on_the_submission_date_is_refused_with_the_domain_text()
    {
        var book = ImportSampleWorkbook.Valid(1, "ADULT");
        book["Mitglieder"][3]["Geburtsdatum"] = "01.06.2005";

        var report = await RefusedAsync(book);

        report.Errors.ShouldContain(e => e.Sheet == "Gruppen" && e.Row == 2 && e.Text.De.Contains("ist am 01.03.2023 noch nicht volljährig."), report.Describe());
    }

    [Fact]
    public async Task A_completion_before_the_lease_start_is_refused()
    {
        var book = ImportSampleWorkbook.Valid(1, "EARLY");
        book["Patenschaften"][0]["Ende"] = "abgeschlossen";
        book["Patenschaften"][0]["Beendet am"] = "30.04.2023";

        var report = await RefusedAsync(book);

        report.Errors.ShouldContain(e => e.Sheet == "Patenschaften" && e.Row == 2 && e.Column == "Beendet am"
                                         && e.Text.De == "Das Abschlussdatum (30.04.2023) liegt vor dem Mietbeginn (01.05.2023).", report.Describe());
    }

    [Fact]
    public async Task An_unknown_reference_is_named()
    {
        var book = ImportSampleWorkbook.Valid(1, "REF");
        book["Patenschaften"][0]["Familie"] = "REF-F9";

        var report = await RefusedAsync(book);

        report.Errors.ShouldContain(e => e.Sheet == "Patenschaften" && e.Column == "Familie" && e.Text.De.Contains("„REF-F9“ gibt es weder in dieser Datei"));
    }

    [Fact]
    public async Task A_sheet_over_the_row_limit_is_refused_before_any_row_is_checked()
    {
        var book = new ImportSampleWorkbook();
        for (var i = 0; i < 50_000; i++) book["Familien"].Add(new() { ["Referenz"] = $"BIG-{i}", ["Erwartete Ankunft"] = null });

        var report = await RefusedAsync(book);

        var error = report.Errors.ShouldHaveSingleItem();
        // The workbook declares its extent (dimension A1:B50001): the guard refuses it before any row is read (ADR 0021).
        error.Text.De.ShouldBe("Das Blatt „Familien“ erklärt 50.001 Zeilen; erlaubt sind höchstens 20.000. Bitte teilen Sie die Daten auf mehrere Importe auf oder löschen Sie leere Zeilen am Ende des Blatts; es wurde nichts übernommen.");
        report.Sheets.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_workbook_with_broken_sheet_xml_ends_the_dry_run_as_invalid_instead_of_hanging()
    {
        // A real workbook whose first sheet's XML is cut off in the middle: the reader fails in ways the
        // format checks do not anticipate, and the import must still end, discardable, with a German error.
        var workbook = ImportSampleWorkbook.Valid(1, "BROKEN").ToXlsx();
        using var buffer = new MemoryStream();
        buffer.Write(workbook);
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var sheet = zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal));
            string xml;
            using (var reader = new StreamReader(sheet.Open())) xml = reader.ReadToEnd();
            var name = sheet.FullName;
            sheet.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write(xml[..(xml.Length / 2)]);
        }

        var before = await factory.CountsAsync();
        var (import, report) = await factory.DryRunAsync(buffer.ToArray());

        import.Status.ShouldBe(DataImportStatus.Invalid);
        report.Errors.ShouldContain(e => e.Text.De.StartsWith("Die Datei kann nicht gelesen werden", StringComparison.Ordinal));
        (await factory.CountsAsync()).ShouldBe(before);
    }
}
