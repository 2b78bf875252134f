using Microsoft.Playwright;

namespace NestPortal.Browser.Tests;

/// <summary>The steps of the yearly report a journey takes: choose the Stichtag in the form, read the series.</summary>
public static class ReportJourney
{
    /// <summary>
    /// Opens the report for <paramref name="isoStichtag"/> (yyyy-MM-dd) through the menu and the form.
    /// </summary>
    public static async Task OpenReportAsync(IPage page, string isoStichtag)
    {
        // As a clerk does: the menu opens today's report, then only the Stichtag is changed in the form.
        await page.GetByRole(AriaRole.Link, new() { Name = "Erfolgsbilanz", Exact = true }).First.ClickAsync();
        await page.GetByLabel("Stichtag", new() { Exact = true }).FillAsync(isoStichtag);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"Stichtag={isoStichtag}"));
        var table = page.Locator("#table-YearlySeries");
        if (await table.CountAsync() == 0)
            throw new InvalidOperationException($"No yearly series on {page.Url}: {await page.Locator("main").TextContentAsync()}");
    }

    /// <summary>The series table's cumulative arrivals in the Stichtag's year (the last row).</summary>
    public static async Task<string> ArrivedCumulativeOnScreenAsync(IPage page)
    {
        var table = page.Locator("#table-YearlySeries");
        var headers = await table.Locator("thead th").AllTextContentsAsync();
        var column = headers.Select(h => h.Trim()).ToList().IndexOf("Eingereist seit Beginn (kumuliert)");
        column.ShouldBeGreaterThanOrEqualTo(0, "the series shows the cumulative arrivals");
        var lastRow = table.Locator("tbody tr").Last;
        return (await lastRow.Locator("th, td").Nth(column).TextContentAsync())!.Trim();
    }
}
