using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using NestPortal.Web.Authorization;
using NestPortal.Web.Pages.Reports;
using NestPortal.Web.Reports;
using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.Reports;

namespace NestPortal.Web.Tests.Pages.Reports;

/// <summary>A long table of the report on its own page: paged, searchable, the report's figures, for the report's readers only.</summary>
public sealed class TableTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private static DateOnly Today => TestGroups.Today;
    private static string Query => $"Stichtag={Today.Iso()}&FromYear=2019&ToYear={Today.Year}";

    /// <summary>Twenty municipalities with an arrival in each of three years: sixty rows by Gemeinde, more than a page.</summary>
    private async Task SeedAsync()
    {
        var ags = new List<string>();
        await factory.SqlAsync(async db => ags.AddRange((await db.Municipalities.Select(m => m.Ags).Take(20).ToListAsync()).Select(a => a.Value)));
        var households = new List<int>();
        foreach (var code in ags)
            households.Add((await factory.SponsoredAsync(await factory.GroupAsync(), new DateOnly(Today.Year - 3, 3, 1), persons: 3, ags: code)).HouseholdId);
        // Each member of a household arrives a year after the one before (family reunions).
        await factory.SqlAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync(
                $"""
                UPDATE Refugees SET ArrivedOn = printf('%04d-03-01', {Today.Year - 3} + (SELECT COUNT(*) FROM Refugees o WHERE o.HouseholdId = Refugees.HouseholdId AND o.Id < Refugees.Id))
                WHERE HouseholdId BETWEEN {households.Min()} AND {households.Max()}
                """);
            await db.Database.ExecuteSqlRawAsync(ReportScenario.RecomputeAgeAtArrival);
        });
    }

    private static List<string[]> BodyRows(IHtmlDocument page, string key) =>
        page.QuerySelectorAll($"#table-{key} tbody tr").Select(tr => tr.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();

    [Fact]
    public async Task A_long_table_is_shortened_on_the_report_and_shown_on_its_own_page_in_pages_of_the_same_figures()
    {
        await SeedAsync();
        var report = await factory.ReportAsync(Today, 2019, Today.Year);
        var expected = (await factory.TablesAsync(report)).Single(t => t.Key == AnnualReport.Keys.Municipalities).Rows
            .Select(row => row.Select(cell => ReportCells.Format(cell, German)).ToArray()).ToList();
        expected.Count.ShouldBeGreaterThan(TableModel.PageSize);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var index = await client.GetPageAsync($"/Reports?{Query}");
        BodyRows(index, AnnualReport.Keys.Municipalities).ShouldBe(expected.Take(IndexModel.PreviewRows));
        var link = index.QuerySelectorAll("main a").Select(a => a.GetAttribute("href") ?? "")
            .Single(h => h.StartsWith("/Reports/Table?", StringComparison.Ordinal) && h.Contains("Key=Municipalities", StringComparison.Ordinal));

        var first = await client.GetPageAsync(link);
        first.QuerySelector("#table-Municipalities caption")!.TextContent.ShouldBe("Nach Gemeinde");
        first.QuerySelectorAll("#table-Municipalities thead th").ShouldAllBe(th => th.GetAttribute("scope") == "col");
        first.QuerySelectorAll("#table-Municipalities tbody th").ShouldAllBe(th => th.GetAttribute("scope") == "row");
        BodyRows(first, AnnualReport.Keys.Municipalities).ShouldBe(expected.Take(TableModel.PageSize));
        var next = first.QuerySelectorAll("nav a").Select(a => a.GetAttribute("href") ?? "").First(h => h.Contains("pageNumber=2", StringComparison.Ordinal));

        var second = await client.GetPageAsync(next);
        BodyRows(second, AnnualReport.Keys.Municipalities).ShouldBe(expected.Skip(TableModel.PageSize).Take(TableModel.PageSize));
    }

    [Fact]
    public async Task The_search_keeps_the_rows_that_name_the_term()
    {
        await factory.SponsoredAsync(await factory.GroupAsync(), new DateOnly(Today.Year - 1, 5, 1), persons: 2, ags: ReportScenario.Dortmund);
        var client = await factory.SignedInAsAsync(Roles.Administrator);

        var page = await client.GetPageAsync($"/Reports/Table?Key=Municipalities&{Query}&Search={ReportScenario.Dortmund}");

        var rows = BodyRows(page, AnnualReport.Keys.Municipalities);
        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(r => r.Contains(ReportScenario.Dortmund));
        page.ValueOf("Search").ShouldBe(ReportScenario.Dortmund);

        var none = await client.GetPageAsync($"/Reports/Table?Key=Municipalities&{Query}&Search=Atlantis");
        none.QuerySelector("[role=status]")!.TextContent.ShouldBe("Keine Zeilen gefunden.");
    }

    [Theory]
    [InlineData("/Reports/Table?Key=Nope")]
    [InlineData("/Reports/Table?Key=")]
    [InlineData("/Reports/Table")]
    [InlineData("/Reports/Table?Key=Municipalities%27%3B--&Stichtag=gestern")]
    public async Task An_unknown_table_is_not_found(string url)
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        await client.GetAsync(url).ShouldBeStatusAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.Municipality)]
    public async Task Who_may_not_see_the_report_may_not_see_its_tables(string role)
    {
        var client = await factory.SignedInAsAsync(role);

        await client.GetAsync($"/Reports/Table?Key=Municipalities&{Query}").ShouldBeStatusAsync(HttpStatusCode.Forbidden);
    }
}
