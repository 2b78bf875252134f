using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace NestPortal.Web.Tests.Reports.NrwFigures;

/// <summary>
/// Reads the yearly series (AnnualReport.Keys.YearlySeries) back out of each output of the report, as
/// rows keyed by year ("2021") and then by column header, so one assertion serves them all.
/// </summary>
public static class ReportOutputs
{
    public const string SeriesTitle = "Jahresreihe";
    public const string YearColumn = "Jahr";
    public const string GroupsColumn = "Gruppen mit Kostenübernahme";
    public const string ArrivedColumn = "Eingereiste Geflüchtete";
    public const string CumulativeColumn = "Eingereist seit Beginn (kumuliert)";

    public static void ShouldMatch(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> series, NrwFigures expected)
    {
        series.Keys.ShouldBe(expected.GroupsTookOnCosts.Keys.Select(y => y.ToString(CultureInfo.InvariantCulture)), ignoreOrder: true);
        foreach (var (year, groups) in expected.GroupsTookOnCosts)
        {
            var row = series[year.ToString(CultureInfo.InvariantCulture)];
            Count(row[GroupsColumn]).ShouldBe(groups, $"groups that took on costs in {year}, Stichtag {expected.Stichtag}");
            Count(row[ArrivedColumn]).ShouldBe(expected.RefugeesArrived[year], $"refugees arrived in {year}, Stichtag {expected.Stichtag}");
        }

        var last = series[expected.Stichtag.Year.ToString(CultureInfo.InvariantCulture)];
        Count(last[CumulativeColumn]).ShouldBe(expected.ArrivedCumulative, $"arrived by {expected.Stichtag}");
    }

    /// <summary>The series table on /Reports/Index: the table whose caption is the series title.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ScreenYearlySeries(IHtmlDocument page)
    {
        var table = page.QuerySelectorAll("table").FirstOrDefault(t => (t.QuerySelector("caption")?.TextContent ?? string.Empty).Contains(SeriesTitle))
                    ?? throw new ShouldAssertException($"No table with the caption „{SeriesTitle}…“ on the page.");
        return ScreenTable(table);
    }

    /// <summary>A rendered table as rows keyed by their first cell, then by column header.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ScreenTable(IElement table)
    {
        var headers = table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToArray();
        return Keyed(headers, table.QuerySelectorAll("tbody tr")
            .Select(tr => tr.Children.Where(c => c.LocalName is "th" or "td").Select(c => c.TextContent.Trim()).ToArray()));
    }

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> CsvYearlySeries(byte[] csv)
    {
        var table = ExportFiles.CsvTables(csv).First(t => t.Title.StartsWith(SeriesTitle, StringComparison.Ordinal));
        return Keyed(table.Headers, table.Rows);
    }

    /// <summary>The escrow table's last row: the balance on the Stichtag, a German decimal.</summary>
    public static decimal CsvEscrowBalance(byte[] csv)
    {
        var table = ExportFiles.CsvTables(csv).First(t => t.Title.StartsWith("Mietkonten", StringComparison.Ordinal));
        var stichtag = table.Rows.Last();
        stichtag[0].ShouldStartWith("Stichtag");
        return ExportFiles.GermanDecimal(stichtag[^1]);
    }

    /// <summary>The workbook's first sheet is the series: below its heading a header row, then a row per year (numbers as number cells).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> XlsxYearlySeries(byte[] xlsx)
    {
        var (name, _, rows) = ExportFiles.ReportSheets(xlsx).First();
        name.ShouldStartWith(SeriesTitle);
        var letters = rows[0].Keys.ToArray();
        var headers = letters.Select(k => Convert.ToString(rows[0][k], CultureInfo.InvariantCulture) ?? string.Empty).ToArray();
        return Keyed(headers, rows.Skip(1).Select(row => letters.Select(k => row[k] switch
        {
            double number => number.ToString("0.##", CultureInfo.InvariantCulture),
            decimal number => number.ToString("0.##", CultureInfo.InvariantCulture),
            var value => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
        }).ToArray()));
    }

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Keyed(string[] headers, IEnumerable<string[]> rows) =>
        rows.Where(cells => cells.Length > 0 && cells[0].Length > 0)
            .ToDictionary(cells => cells[0], cells => (IReadOnlyDictionary<string, string>)headers
                .Select((header, i) => (header, i < cells.Length ? cells[i] : string.Empty)).ToDictionary(c => c.header, c => c.Item2));

    /// <summary>
    /// The answers page: the sentences a ministry would copy into its answer (groups per year, arrivals and
    /// those in the programme on the Stichtag) and the groups table behind them.
    /// </summary>
    public static void ShouldShowAnswers(IHtmlDocument page, NrwFigures expected)
    {
        var text = string.Join(" ", page.QuerySelectorAll("main p").Select(p => p.TextContent.Trim()));
        var stichtag = expected.Stichtag.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        text.ShouldContain($"Bis zum {stichtag} sind {expected.ArrivedCumulative} Geflüchtete über NesT in Nordrhein-Westfalen eingereist, "
                           + $"davon am Stichtag {expected.InProgramme} im Programm.");
        foreach (var (year, groups) in expected.GroupsTookOnCosts)
        {
            text.ShouldContain(year == expected.Stichtag.Year
                ? $"Im Jahr {year} haben bis zum {stichtag} {groups} Mentoring-Gruppen die Kosten für eine Familie übernommen."
                : $"Im Jahr {year} haben {groups} Mentoring-Gruppen die Kosten für eine Familie übernommen.");
        }

        var table = ScreenTable(page.QuerySelector("#table-AnswerGroups") ?? throw new ShouldAssertException("No groups table on the answers page."));
        table.ToDictionary(r => int.Parse(r.Key, CultureInfo.InvariantCulture), r => Count(r.Value[GroupsColumn])).ShouldBe(expected.GroupsTookOnCosts);
    }

    /// <summary>A count as any output shows it: "1.234" on screen and in the CSV, "1234" from a number cell.</summary>
    public static int Count(string text) => int.Parse(text.Replace(".", string.Empty).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
}
