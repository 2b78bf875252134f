using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.ImportSample;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Reports.NrwFigures;

/// <summary>
/// One portal with the import sample imported once through the administrator's import pages (the CSV
/// set), shared by the figure tests: the import is the slow part, the reports only read.
/// </summary>
public sealed class NrwSampleFixture : IAsyncLifetime
{
    // Without the demo history: the published figures are those of the imported sample alone.
    public PortalFactory Factory { get; } = new() { DemoHistory = false };
    public HttpClient Administrator { get; private set; } = null!;
    public SampleImport.Outcome FirstImport { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Administrator = await Factory.SignedInAsAsync(Roles.Administrator);
        FirstImport = await Administrator.ImportAsync(ImportSampleFiles.CsvFiles());
    }

    public async Task DisposeAsync()
    {
        Administrator?.Dispose();
        await Factory.DisposeAsync();
    }
}
