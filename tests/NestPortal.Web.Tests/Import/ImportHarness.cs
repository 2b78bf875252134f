using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Data.Operations;
using NestPortal.Web.Import;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Import;

/// <summary>Runs imports without the page: stores a file as an upload would, then runs the dry run and commit directly.</summary>
public static class ImportHarness
{
    public static async Task<int> StoreAsync(this PortalFactory factory, byte[] content, string fileName = "bestand.xlsx")
    {
        var import = new DataImport(fileName, Convert.ToHexStringLower(SHA256.HashData(content)), content.Length, "test-admin", "Test Admin", TestClock.UtcNow);
        await factory.ExecuteAsync(async db =>
        {
            db.DataImports.Add(import);
            await db.SaveChangesAsync();
            db.DataImportFiles.Add(new DataImportFile(import.Id, content));
            await db.SaveChangesAsync();
        });
        return import.Id;
    }

    public static async Task<(DataImport Import, ImportReport Report)> DryRunAsync(this PortalFactory factory, byte[] content, string fileName = "bestand.xlsx")
    {
        var id = await factory.StoreAsync(content, fileName);
        await factory.RunAsync(id);
        return await factory.ImportAsync(id);
    }

    public static Task<(DataImport Import, ImportReport Report)> DryRunCsvAsync(this PortalFactory factory, ImportSampleWorkbook book) =>
        factory.DryRunAsync(ImportSource.PackCsvFiles(book.ToCsvFiles()), string.Join(", ", book.Sheets.Keys.Select(k => k + ".csv")));

    public static async Task<(DataImport Import, ImportReport Report)> CommitAsync(this PortalFactory factory, int id, string by = "Test Admin")
    {
        await factory.ExecuteAsync(async db =>
        {
            var import = await db.DataImports.SingleAsync(i => i.Id == id);
            import.StartCommit(by).ShouldBeTrue($"import {id} is {import.Status}");
            await db.SaveChangesAsync();
        });
        await factory.RunAsync(id);
        return await factory.ImportAsync(id);
    }

    public static async Task RunAsync(this PortalFactory factory, int id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ImportRunner>().RunAsync(id, CancellationToken.None);
    }

    public static Task<(DataImport Import, ImportReport Report)> ImportAsync(this PortalFactory factory, int id) =>
        factory.QueryAsync(async db =>
        {
            var import = await db.DataImports.AsNoTracking().SingleAsync(i => i.Id == id);
            return (import, ImportReport.FromJson(import.Report));
        });

    /// <summary>Rows of every table an import writes to, to prove that nothing was written.</summary>
    public static Task<Dictionary<string, int>> CountsAsync(this PortalFactory factory) =>
        factory.QueryAsync(async db => new Dictionary<string, int>
        {
            ["MentoringGroups"] = await db.MentoringGroups.CountAsync(),
            ["Mentors"] = await db.MentoringGroups.SelectMany(g => g.Members).CountAsync(),
            ["Households"] = await db.Households.CountAsync(),
            ["Refugees"] = await db.Refugees.CountAsync(),
            ["Sponsorships"] = await db.Sponsorships.CountAsync(),
            ["Allocations"] = await db.Allocations.CountAsync(),
            ["EscrowEntries"] = await db.EscrowEntries.CountAsync(),
            ["OutreachEvents"] = await db.OutreachEvents.CountAsync(),
            ["SafeHarbours"] = await db.Municipalities.CountAsync(m => m.SafeHarbourDeclaredOn != null),
            ["ImportedRecords"] = await db.ImportedRecords.CountAsync(),
            ["AuditEntries"] = await db.AuditEntries.CountAsync(),
        });

    public static string Describe(this ImportReport report) =>
        string.Join("\n", report.Errors.Select(e => $"{e.Sheet} {e.Row} {e.Column}: {e.Text.De}"));
}
