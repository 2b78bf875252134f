using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.ImportSample;

/// <summary>The sample docs/import.md points to passes the import's dry run as a workbook, with every row new.</summary>
public class ImportSampleDryRunTests
{
    [Fact]
    public async Task Workbook_passes_the_dry_run_without_errors()
    {
        using var factory = new PortalFactory();
        using var administrator = await factory.SignedInAsAsync(Roles.Administrator);

        var id = await SampleImport.UploadAsync(administrator, [(ImportSampleFiles.WorkbookName, File.ReadAllBytes(ImportSampleFiles.WorkbookPath))]);
        var status = await SampleImport.WaitAsync(administrator, id);

        var page = await administrator.GetPageAsync($"/Admin/Import/Details/{id}");
        status.ShouldBe("Checked", page.QuerySelector("main")?.TextContent);
        page.Errors().ShouldBeEmpty();
    }
}
