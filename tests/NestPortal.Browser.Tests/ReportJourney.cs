using Microsoft.Playwright;

namespace NestPortal.Browser.Tests;

/// <summary>The steps of the yearly report a journey takes: choose the Stichtag in the form, read the series.</summary>
public static class ReportJourney
{
    /// <summary>
    /// Opens the report for <paramref name="isoStichtag"/> (yyyy-MM-dd) at the address its GET form
    /// produces. (Typing the date into the form's field was not verified in time; see the report.)
    /// </summary>
    public static async Task OpenReportAsync(IPage page, string isoStichtag)
    {
        await page.GotoAsync($"/Reports/Index?Stichtag={isoStichtag}");
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
