using NestPortal.Data.Operations;
using NestPortal.Web.Import;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Import;

public sealed class ImportDryRunTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_valid_workbook_is_checked_clean_and_writes_nothing()
    {
        var book = ImportSampleWorkbook.Valid(2, "DRY");
        var before = await factory.CountsAsync();

        var (import, report) = await factory.DryRunAsync(book.ToXlsx());

        report.ErrorCount.ShouldBe(0, report.Describe());
        import.Status.ShouldBe(DataImportStatus.Checked);
        import.TotalRows.ShouldBe(book.RowCount);
        report.NewRows.ShouldBe(book.RowCount);
        report.Sheet("Mitglieder").New.ShouldBe(8);
        (await factory.CountsAsync()).ShouldBe(before);
    }
}
