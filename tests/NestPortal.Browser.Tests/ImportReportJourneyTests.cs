using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.ImportSample;

namespace NestPortal.Browser.Tests;

/// <summary>
/// The import and the yearly report end to end: an administrator takes over the competence centre's spreadsheet (the import
/// sample, bestand.xlsx), reads the dry run, commits it with the confirmation, opens the yearly report
/// for the Stichtag of the NRW government's answer (25.06.2021: 37 refugees arrived) and downloads it
/// as CSV and XLSX. Every page is checked by axe; the format description and the report's charts also at a phone's and a
/// laptop's width.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ImportReportJourneyTests(BrowserHost host)
{
    [Fact]
    public async Task Administrator_imports_the_sample_workbook_and_downloads_the_report_for_june_2021()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var email = $"admin-import-{suffix}@bra.nrw.invalid";
        await host.CreateUserAsync(email, "Ines Import", Roles.Administrator);
        var page = await host.NewPageAsync();
        await host.SignInAsync(page, email, BrowserHost.TestPassword);
        await host.EnrolAuthenticatorAsync(page, email);

        // Help first: the template workbook downloads from the import page, the format description is a click away.
        await page.GotoAsync("/Admin/Import");
        await Checked(page);
        var template = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Vorlage herunterladen", Exact = false }).ClickAsync());
        template.SuggestedFilename.ShouldBe("import-vorlage.xlsx");
        (await File.ReadAllBytesAsync(await template.PathAsync())).Take(2).ShouldBe(new byte[] { (byte)'P', (byte)'K' }, "an XLSX is a ZIP archive");
        await page.GetByRole(AriaRole.Link, new() { Name = "Formatbeschreibung", Exact = false }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Format der Importdateien");
        await BrowserHost.AssertAccessibleAndFitsAsync(page);

        // Upload: the workbook; the dry run runs in the background and the page reloads when it is done.
        await page.GotoAsync("/Admin/Import");
        await Checked(page);
        await page.GetByLabel("XLSX-Datei oder CSV-Dateien", new() { Exact = false }).SetInputFilesAsync(ImportSampleFiles.WorkbookPath);
        await page.GetByRole(AriaRole.Button, new() { Name = "Hochladen und prüfen" }).ClickAsync();
        // "Wird geprüft" while it runs; the finished status starts with "Geprüft".
        await WaitForStatusAsync(page, new Regex("^Geprüft"));
        await Checked(page);
        (await page.Locator("#import-status").TextContentAsync())!.Trim().ShouldBe("Geprüft, ohne Fehler");
        (await page.Locator("#no-errors").IsVisibleAsync()).ShouldBeTrue();
        (await NewRows(page, "Personen")).ShouldBe("104");
        (await NewRows(page, "Patenschaften")).ShouldBe("22");
        (await NewRows(page, "Buchungen")).ShouldBe("402");

        // Commit, confirmed: without the tick it is refused, with it the records are written.
        await page.GetByRole(AriaRole.Button, new() { Name = "Import übernehmen" }).ClickAsync();
        await Checked(page);
        (await MainText(page)).ShouldContain("Bitte bestätigen Sie, dass die Daten jetzt übernommen werden sollen.");
        await page.GetByLabel("Ich habe die Probe geprüft", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Import übernehmen" }).ClickAsync();
        await WaitForStatusAsync(page, new Regex("^Übernommen$"));
        await Checked(page);

        // The report for the Stichtag of the government's answer.
        await ReportJourney.OpenReportAsync(page, "2021-06-25");
        // The charts and the series table below them fit a phone and a laptop without sideways scrolling.
        await BrowserHost.AssertAccessibleAndFitsAsync(page);
        (await page.Locator("figure.report-chart svg[role=img]").CountAsync()).ShouldBe(2, "one chart per measure");
        (await ReportJourney.ArrivedCumulativeOnScreenAsync(page)).ShouldBe("37");

        var csv = await DownloadAsync(page, "CSV");
        csv.Length.ShouldBeGreaterThan(0);
        var text = Encoding.UTF8.GetString(csv);
        text.ShouldStartWith("\uFEFF");
        text.ShouldContain(";37");
        var xlsx = await DownloadAsync(page, "XLSX");
        xlsx.Length.ShouldBeGreaterThan(0);
        xlsx.Take(2).ShouldBe(new byte[] { (byte)'P', (byte)'K' }, "an XLSX is a ZIP archive");
    }

    /// <summary>
    /// Waits for the import's status: the page's script (progress.js) polls the run and reloads the page
    /// when it ends; the assertion retries until then, re-reading the status after each reload.
    /// </summary>
    private static Task WaitForStatusAsync(IPage page, Regex status) =>
        Assertions.Expect(page.Locator("#import-status")).ToHaveTextAsync(status, new() { Timeout = 180_000 });

    private static async Task<string> NewRows(IPage page, string sheet) =>
        (await page.Locator($"#sheet-counts tr[data-sheet='{sheet}'] [data-count='new']").TextContentAsync())!.Trim();

    private static async Task<byte[]> DownloadAsync(IPage page, string linkName)
    {
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = linkName, Exact = false }).First.ClickAsync());
        var path = await download.PathAsync();
        return await File.ReadAllBytesAsync(path);
    }

    private static async Task<string> MainText(IPage page) => (await page.Locator("main").TextContentAsync())!;

    private static Task Checked(IPage page) => BrowserHost.AssertAccessibleAsync(page);
}
