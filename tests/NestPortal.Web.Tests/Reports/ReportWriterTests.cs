using System.IO.Compression;
using System.Text;
using NestPortal.Web.Reports;

namespace NestPortal.Web.Tests.Reports;

/// <summary>The CSV and XLSX writers on hand-built tables, with the edge cases a real report seldom has.</summary>
public sealed class ReportWriterTests
{
    private static readonly ReportColumn[] Columns =
    [
        new("Kommune", ReportValueKind.Text), new("Personen", ReportValueKind.Count), new("Saldo in €", ReportValueKind.Money),
        new("Stichtag", ReportValueKind.Date),
    ];

    private static ReportTable Edgy => new("edge", "Grenzfälle", Columns,
    [
        ["Köln; \"Innenstadt\"\nNord", 3, -1234.5m, new DateOnly(2021, 6, 25)],
        ["=HYPERLINK(\"http://x\")", 0, 0m, null],
        [null, null, null, null],
        ["+49 -1 @x", 12345, 1234567.891m, new DateOnly(2020, 12, 31)],
    ]);

    private static ReportTable Years => new("years", "Gruppen je Jahr", [new("Jahr", ReportValueKind.Count), new("Gruppen", ReportValueKind.Count)],
        [[2019, 3], [2020, 3]]);

    private static async Task<byte[]> CsvAsync(params ReportTable[] tables)
    {
        using var stream = new MemoryStream();
        await ReportCsvWriter.WriteAsync(stream, tables);
        return stream.ToArray();
    }

    private static readonly ReportFileHeading Heading = new("Erfolgsbilanz NesT in Nordrhein-Westfalen", "Stichtag 25.06.2021");

    private static async Task<byte[]> XlsxAsync(params ReportTable[] tables)
    {
        using var stream = new MemoryStream();
        await ReportXlsxWriter.WriteAsync(stream, Heading, tables);
        return stream.ToArray();
    }

    [Fact]
    public async Task Csv_has_bom_crlf_semicolons_and_each_table_as_title_header_rows_blank_line()
    {
        var bytes = await CsvAsync(Years, Edgy);

        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        text.ShouldStartWith("Gruppen je Jahr\r\nJahr;Gruppen\r\n2019;3\r\n2020;3\r\n\r\nGrenzfälle\r\n");
        text.Replace("\r\n", "", StringComparison.Ordinal).ShouldNotContain("\r", customMessage: "only CRLF line ends (a quoted text keeps its own break)");
        var tables = ExportFiles.CsvTables(bytes);
        tables.Select(t => t.Title).ShouldBe(["Gruppen je Jahr", "Grenzfälle"]);
        tables[1].Headers.ShouldBe(["Kommune", "Personen", "Saldo in €", "Stichtag"]);
        tables[1].Rows.Count.ShouldBe(4);
    }

    [Fact]
    public async Task Csv_quotes_separators_defuses_formulas_and_writes_german_numbers_and_dates()
    {
        var rows = ExportFiles.CsvTables(await CsvAsync(Edgy))[0].Rows;

        rows[0].ShouldBe(["Köln; \"Innenstadt\"\nNord", "3", "-1234,50", "25.06.2021"]);
        rows[1].ShouldBe(["'=HYPERLINK(\"http://x\")", "0", "0,00", ""]);
        rows[2].ShouldBe(["", "", "", ""]);
        rows[3].ShouldBe(["'+49 -1 @x", "12345", "1234567,89", "31.12.2020"]);
        ExportFiles.GermanDecimal(rows[0][2]).ShouldBe(-1234.50m);
        var raw = Encoding.UTF8.GetString(await CsvAsync(Edgy));
        raw.ShouldContain("\"Köln; \"\"Innenstadt\"\"\nNord\";3;-1234,50;25.06.2021\r\n");
        raw.ShouldContain("\"'=HYPERLINK(\"\"http://x\"\")\";0;0,00;\r\n");
        raw.ShouldContain("\r\n;;;\r\n", customMessage: "null cells stay empty");
    }

    [Fact]
    public async Task Csv_defuses_every_character_a_spreadsheet_starts_a_formula_with()
    {
        var table = new ReportTable("t", "T", [new("Text", ReportValueKind.Text)], [["=1"], ["+1"], ["-1"], ["@1"], ["\t1"], ["\r1"], ["1-"]]);

        var rows = ExportFiles.CsvTables(await CsvAsync(table))[0].Rows.Select(r => r[0]);

        rows.ShouldBe(["'=1", "'+1", "'-1", "'@1", "'\t1", "'\r1", "1-"]);
    }

    [Fact]
    public async Task Xlsx_has_a_sheet_per_table_with_header_numeric_and_date_cells()
    {
        var sheets = ExportFiles.ReportSheets(await XlsxAsync(Years, Edgy));

        sheets.Select(s => s.Name).ShouldBe(["Gruppen je Jahr", "Grenzfälle"]);
        var years = sheets[0].Rows;
        years[0].Values.ShouldBe(["Jahr", "Gruppen"]);
        years[1]["A"].ShouldBe(2019d);
        years[2]["B"].ShouldBe(3d);
        var edge = sheets[1].Rows;
        edge[0].Values.ShouldBe(["Kommune", "Personen", "Saldo in €", "Stichtag"]);
        edge[1]["A"].ShouldBe("Köln; \"Innenstadt\"\nNord");
        edge[1]["B"].ShouldBe(3d);
        edge[1]["C"].ShouldBe(-1234.5d);
        edge[1]["D"].ShouldBe(new DateTime(2021, 6, 25));
        edge[2]["A"].ShouldBe("=HYPERLINK(\"http://x\")", "a text cell, not a formula: nothing to defuse");
        edge[3].Values.ShouldAllBe(v => v == null || (v as string) == "");
        edge[4]["C"].ShouldBe(1234567.891d);
    }

    [Fact]
    public async Task Xlsx_formats_money_and_dates_and_writes_no_formula()
    {
        var bytes = await XlsxAsync(Edgy);

        using var zip = new ZipArchive(new MemoryStream(bytes));
        var styles = await new StreamReader(zip.GetEntry("xl/styles.xml")!.Open()).ReadToEndAsync();
        styles.ShouldContain($"formatCode=\"{ReportXlsxWriter.MoneyFormat}\"");
        styles.ShouldContain($"formatCode=\"{ReportXlsxWriter.DateFormat}\"");
        var sheet = await new StreamReader(zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).Open()).ReadToEndAsync();
        sheet.ShouldNotContain("<x:f>");
        sheet.ShouldNotContain("<f>");
    }

    [Fact]
    public async Task An_empty_table_still_gets_its_sheet_with_headers()
    {
        var empty = new ReportTable("none", "Leer", Columns, []);

        var sheets = ExportFiles.ReportSheets(await XlsxAsync(empty));

        sheets.ShouldHaveSingleItem().Rows[0].Values.ShouldBe(["Kommune", "Personen", "Saldo in €", "Stichtag"]);
        ExportFiles.CsvTables(await CsvAsync(empty)).ShouldHaveSingleItem().Rows.ShouldBeEmpty();
    }

    [Fact]
    public async Task Sheet_names_are_at_most_31_characters_unique_and_without_forbidden_characters()
    {
        var long40 = "Frühe Abgänge von Mentorinnen und Mentoren";
        ReportTable Titled(string key, string title) => new(key, title, [new("A", ReportValueKind.Count)], [[1]]);
        ReportTable[] tables =
        [
            Titled("a", long40), Titled("b", long40), Titled("c", long40.ToUpperInvariant()), Titled("d", "Bezirk [Köln]: a/b\\c*?"),
            Titled("keyed", "[]:*?/\\"), Titled("e", "'Zitat'"),
        ];

        var names = ReportXlsxWriter.SheetNames(tables);

        names.ShouldAllBe(n => n.Length > 0 && n.Length <= 31);
        names.Distinct(StringComparer.OrdinalIgnoreCase).Count().ShouldBe(tables.Length);
        names.ShouldAllBe(n => n.IndexOfAny(new[] { '[', ']', ':', '*', '?', '/', '\\' }) < 0);
        names[0].ShouldBe("Frühe Abgänge von Mentorinnen…", "cut before the word that does not fit");
        names[1].ShouldBe("Frühe Abgänge von… (2)", "never inside a word, the number included");
        names[2].ShouldEndWith("(3)");
        names[3].ShouldBe("Bezirk Köln abc");
        names[4].ShouldBe("keyed");
        names[5].ShouldBe("Zitat");
        (await XlsxAsync(tables)).Length.ShouldBeGreaterThan(0);
        ExportFiles.Sheets(await XlsxAsync(tables)).Select(s => s.Name).ShouldBe(names);
    }

    private static ReportTable Municipalities => new("municipalities", "Nach Gemeinde",
        [new("Gemeinde", ReportValueKind.Text), new("Gemeindeschlüssel", ReportValueKind.Code), new("Personen", ReportValueKind.Count)],
        [["Dortmund", "05913000", 4], ["ohne Zuweisung", null, 1], ["Code mit Buchstaben", "=05 X", 0]]);

    [Fact]
    public async Task Every_sheet_states_the_report_title_the_table_title_and_the_stichtag_above_its_header()
    {
        var sheets = ExportFiles.ReportSheets(await XlsxAsync(Years, Municipalities));

        foreach (var (name, heading, rows) in sheets)
        {
            heading.ShouldBe(["Erfolgsbilanz NesT in Nordrhein-Westfalen", name == "Nach Gemeinde" ? "Nach Gemeinde" : "Gruppen je Jahr", "Stichtag 25.06.2021", null], name);
            rows[0]["A"].ShouldBeOfType<string>(name);
        }

        sheets[0].Rows[0].Values.ShouldBe(["Jahr", "Gruppen"]);
    }

    [Fact]
    public async Task An_AGS_is_a_text_cell_formatted_as_text_with_its_leading_zero()
    {
        var bytes = await XlsxAsync(Municipalities);

        var rows = ExportFiles.ReportSheets(bytes).ShouldHaveSingleItem().Rows;
        rows[1]["B"].ShouldBe("05913000", "a string cell: a number cell would read back as 5913000");
        rows[1]["C"].ShouldBe(4d);
        rows[3]["B"].ShouldBe("=05 X");
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var styles = await new StreamReader(zip.GetEntry("xl/styles.xml")!.Open()).ReadToEndAsync();
        styles.ShouldContain($"formatCode=\"{ReportXlsxWriter.TextFormat}\"");
    }

    [Fact]
    public async Task Csv_writes_an_AGS_as_the_formula_form_German_Excel_keeps_as_text()
    {
        var bytes = await CsvAsync(Municipalities);

        var raw = Encoding.UTF8.GetString(bytes);
        raw.ShouldContain("Dortmund;\"=\"\"05913000\"\"\";4\r\n", customMessage: "CSV-quoted, so the field is =\"05913000\"");
        var rows = ExportFiles.CsvTables(bytes)[0].Rows;
        rows[0][1].ShouldBe("=\"05913000\"");
        rows[1][1].ShouldBe("", "no code, no formula");
        rows[2][1].ShouldBe("'=05 X", "only digits take the formula form; anything else is defused text");
    }

    [Fact]
    public void An_explicit_sheet_name_is_used_as_it_is_and_a_repeated_one_numbered()
    {
        ReportTable Named(string key, string title, string? sheet) => new(key, title, [new("A", ReportValueKind.Count)], [[1]], sheet);

        var names = ReportXlsxWriter.SheetNames(
        [
            Named("a", "Eingereiste Geflüchtete nach Staatsangehörigkeit", "Nach Staatsangehörigkeit"),
            Named("b", "Eingereiste Geflüchtete nach Staatsangehörigkeit", "nach staatsangehörigkeit"),
            Named("c", "Eingereiste Geflüchtete nach Alter bei Einreise", null),
        ]);

        names.ShouldBe(["Nach Staatsangehörigkeit", "nach staatsangehörigkeit (2)", "Eingereiste Geflüchtete nach…"]);
    }
}
