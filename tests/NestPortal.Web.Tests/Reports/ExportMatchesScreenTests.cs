using System.Globalization;
using AngleSharp.Html.Dom;
using NestPortal.Domain.Households;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Reports;

/// <summary>
/// The CSV and the XLSX, parsed back, hold the numbers the report shows on screen for the same request,
/// on a small dataset recorded through the domain (with a mentor's leaving reason a spreadsheet would run).
/// </summary>
public sealed class ExportMatchesScreenTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string FormulaReason = "=Umzug; \"weit weg\"";
    private static DateOnly Today => TestGroups.Today;
    private static string Query => $"Stichtag={Today.Iso()}&FromYear=2019&ToYear={Today.Year}";

    private async Task SeedAsync()
    {
        var mentor = await factory.DemoMentorIdAsync();
        var arrivals = new[] { (new DateOnly(2019, 12, 31), 2), (new DateOnly(2020, 1, 1), 3), (new DateOnly(2021, 6, 25), 1) };
        var n = 0;
        foreach (var (arrived, persons) in arrivals)
        {
            n++;
            var household = await factory.CreateHouseholdAsync($"Export-{n}", persons, arrivedOn: arrived);
            var group = await factory.CreateApprovedGroupAsync(mentor, $"Exportgruppe {n}", memberEmails: [$"export{n}a@example.org", $"export{n}b@example.org"]);
            await factory.MatchAsync(group, household);
            await factory.AllocateAsync(household);
            if (n == 1)
            {
                var memberId = await factory.MemberIdAsync(group, "export1b@example.org");
                await factory.ChangeGroupAsync(group, (g, actor, now) => g.RecordMemberLeaving(memberId, Today, FormulaReason, Today, actor, now));
            }
        }
    }

    [Fact]
    public async Task Csv_and_xlsx_hold_the_numbers_the_screen_shows()
    {
        await SeedAsync();
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var screen = ScreenTables(await client.GetPageAsync($"/Reports?{Query}"));
        var csv = ExportFiles.CsvTables(await client.GetByteArrayAsync($"/Reports/Export?handler=Csv&{Query}"));
        var xlsx = ExportFiles.ReportSheets(await client.GetByteArrayAsync($"/Reports/Export?handler=Xlsx&{Query}"));

        screen.Count.ShouldBeGreaterThan(3);
        csv.Select(t => t.Title).ShouldBe(screen.Select(t => t.Title));
        xlsx.Count.ShouldBe(screen.Count);
        for (var t = 0; t < screen.Count; t++)
        {
            var (title, headers, rows) = screen[t];
            csv[t].Headers.ShouldBe(headers, title);
            csv[t].Rows.Count.ShouldBe(rows.Count, title);
            var sheet = xlsx[t].Rows;
            sheet[0].Values.Select(v => v?.ToString()).ShouldBe(headers, title);
            sheet.Count.ShouldBe(rows.Count + 1, title);
            xlsx[t].Heading.Take(3).ShouldBe(["Erfolgsbilanz NesT in Nordrhein-Westfalen", title, $"Stichtag {Today:dd.MM.yyyy}"], title);
            for (var r = 0; r < rows.Count; r++)
            {
                var cells = sheet[r + 1].Values.ToList();
                for (var c = 0; c < headers.Length; c++)
                {
                    var where = $"{title}, row {r + 1}, {headers[c]}";
                    var shown = rows[r][c];
                    SameValue(shown, csv[t].Rows[r][c]).ShouldBeTrue($"{where}: screen \"{shown}\", CSV \"{csv[t].Rows[r][c]}\"");
                    SameValue(shown, cells[c]).ShouldBeTrue($"{where}: screen \"{shown}\", XLSX {cells[c]} ({cells[c]?.GetType().Name})");
                }
            }
        }

        // The seeded arrivals are on screen, in the CSV and as number cells in the XLSX; the reason is defused in the CSV only.
        var allCsv = csv.SelectMany(t => t.Rows).SelectMany(r => r).ToList();
        allCsv.ShouldContain("'" + FormulaReason);
        allCsv.ShouldNotContain(FormulaReason);
        xlsx.SelectMany(s => s.Rows).SelectMany(r => r.Values).ShouldContain(FormulaReason);
    }

    /// <summary>Each table of the report page: caption, column headers, and the body rows' cell texts.</summary>
    private static List<(string Title, string[] Headers, List<string[]> Rows)> ScreenTables(IHtmlDocument page) =>
        page.QuerySelectorAll("main table").Select(table => (
            Title: Collapse(table.QuerySelector("caption")?.TextContent),
            Headers: table.QuerySelectorAll("thead th").Select(th => Collapse(th.TextContent)).ToArray(),
            // "Keine Daten." spans the row of an empty table: no row of figures.
            Rows: table.QuerySelectorAll("tbody tr").Where(tr => tr.QuerySelector("td[colspan]") is null).Select(tr => tr.Children.Select(cell => Collapse(cell.TextContent)).ToArray()).ToList()))
        .ToList();

    private static string Collapse(string? text) => System.Text.RegularExpressions.Regex.Replace(text ?? "", @"\s+", " ").Trim();

    /// <summary>
    /// The same figure: codes as text (before numbers: "05913000" would also read as one), dates by day (first: "25.06.2021" would also read as a number), numbers by value (the screen writes "1.234,56 €", the CSV "1234,56", the
    /// XLSX a number cell), texts as text (the CSV's defusing apostrophe aside).
    /// </summary>
    private static bool SameValue(string shown, object? exported)
    {
        // A code of digits (the AGS): a text cell in the XLSX; ="05913000" in the CSV, so Excel keeps the leading zero.
        if (shown.Length > 1 && shown[0] == '0' && shown.All(char.IsAsciiDigit))
            return exported as string == shown || exported as string == $"=\"{shown}\"";

        if (DateOnly.TryParseExact(shown, "dd.MM.yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return exported is DateTime dt ? DateOnly.FromDateTime(dt) == date : exported as string == shown;

        if (Number(shown) is { } number)
        {
            return exported switch
            {
                double d => (decimal)d == number,
                string s => Number(s) == number,
                _ => false,
            };
        }

        var text = exported as string ?? "";
        return text == shown || (text.StartsWith('\'') && text[1..] == shown) || (text.Length == 0 && shown is "" or "–" or "-");
    }

    private static decimal? Number(string text)
    {
        var plain = text.Replace("€", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal).Trim();
        return plain.Length > 0 && (char.IsAsciiDigit(plain[0]) || plain[0] == '-' && plain.Length > 1 && char.IsAsciiDigit(plain[1]))
            && decimal.TryParse(plain, NumberStyles.Number, ExportFiles.German, out var value) ? value : null;
    }
}
