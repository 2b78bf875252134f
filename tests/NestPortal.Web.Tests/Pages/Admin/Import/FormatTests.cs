using System.Net;
using NestPortal.Data.Operations;
using NestPortal.Web.Authorization;
using NestPortal.Web.Import;
using NestPortal.Web.Tests.Import;
using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.Reports;

namespace NestPortal.Web.Tests.Pages.Admin.Import;

/// <summary>The format description and the template workbook: both from the importer's own sheet and column definitions.</summary>
public sealed class FormatTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_page_describes_every_sheet_and_column_the_importer_reads()
    {
        var client = await factory.SignedInAsAsync(Roles.Administrator);

        var page = await client.GetPageAsync("/Admin/Import/Format");

        page.QuerySelector("h1")!.TextContent.ShouldBe("Format der Importdateien");
        page.QuerySelectorAll("main h3").Select(h => h.TextContent.Trim()).ShouldBe(ImportSheets.All.Select(s => s.Name));
        foreach (var sheet in ImportSheets.All)
        {
            var rows = page.QuerySelectorAll($"table[data-sheet='{sheet.Name}'] tbody tr")
                .Select(tr => tr.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
            rows.Select(r => r[0]).ShouldBe(sheet.Columns.Select(c => c.German), sheet.Name);
            rows.Select(r => r[1]).ShouldBe(sheet.Columns.Select(c => c.English), sheet.Name);
            rows.Select(r => r[2]).ShouldBe(sheet.Columns.Select(c => c.Required ? "ja" : "nein"), sheet.Name);
            rows.ShouldAllBe(r => r[3].Length > 0, $"{sheet.Name}: every column explained");
        }

        page.QuerySelector("#template-link")!.GetAttribute("href").ShouldBe("/Admin/Import/Format?handler=Template");
        page.QuerySelector("main").ShouldNotBeNull().TextContent.ShouldContain("Syrien, Syria");
    }

    [Fact]
    public async Task In_English_the_sheets_are_named_in_English_and_explained_in_English()
    {
        var client = await factory.SignedInAsAsync(Roles.Administrator);

        var page = await client.GetPageAsync("/Admin/Import/Format?culture=en");

        page.QuerySelector("h1")!.TextContent.ShouldBe("Format of the import files");
        page.QuerySelectorAll("main h3").Select(h => h.TextContent.Trim()).ShouldBe(ImportSheets.All.Select(s => s.EnglishName));
        page.QuerySelector("table[data-sheet='Patenschaften'] tbody tr:nth-child(14) td:last-child")!.TextContent.ShouldBe("Start of the lease");
    }

    [Theory]
    [InlineData("", "import-vorlage.xlsx", false)]
    [InlineData("&culture=en", "import-template.xlsx", true)]
    public async Task The_template_has_every_sheet_and_column_and_its_dry_run_finds_nothing_wrong(string culture, string fileName, bool english)
    {
        var client = await factory.SignedInAsAsync(Roles.Administrator);

        var response = await client.GetAsync("/Admin/Import/Format?handler=Template" + culture);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(ImportTemplate.ContentType);
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe(fileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var sheets = ExportFiles.Sheets(bytes);
        sheets.Select(s => s.Name).ShouldBe(ImportSheets.All.Select(s => english ? s.EnglishName : s.Name));
        for (var i = 0; i < sheets.Count; i++)
        {
            var columns = ImportSheets.All[i].Columns;
            sheets[i].Rows.ShouldHaveSingleItem("the header row only").Values.Select(v => v as string).ShouldBe(
                columns.Select(c => (english ? c.English : c.German) + (c.Required ? "*" : "")), sheets[i].Name);
        }

        var (import, report) = await factory.DryRunAsync(bytes, fileName);
        report.Describe().ShouldBeEmpty();
        report.WarningCount.ShouldBe(0, "no unknown column, no unknown sheet");
        import.Status.ShouldBe(DataImportStatus.Checked);
        report.Sheets.Sum(s => s.Rows).ShouldBe(0);
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.CompetenceCentre)]
    [InlineData(Roles.Municipality)]
    public async Task Other_roles_get_neither_the_page_nor_the_template(string role)
    {
        var client = await factory.SignedInAsAsync(role);

        (await client.GetAsync("/Admin/Import/Format")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync("/Admin/Import/Format?handler=Template")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
