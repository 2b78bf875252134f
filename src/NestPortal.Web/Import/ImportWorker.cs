using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Data.Operations;

namespace NestPortal.Web.Import;

/// <summary>
/// Works through the import queue, one import at a time. At start it picks up what a restart left
/// behind: a dry run still "Checking" is queued again; a commit still "Committing" was rolled back with
/// its transaction, so it is marked failed (nothing was written) and the administrator uploads again.
/// </summary>
public sealed class ImportWorker(ImportQueue queue, IServiceScopeFactory scopes, ImportTexts l, ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RecoverAsync(stoppingToken);
            await foreach (var importId in queue.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<ImportRunner>().RunAsync(importId, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogError(exception, "Import {ImportId} stopped with an error", importId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; an unfinished import is picked up at the next start.
        }
    }

    private async Task RecoverAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NestPortalDbContext>();
        var runner = scope.ServiceProvider.GetRequiredService<ImportRunner>();
        var unfinished = await db.DataImports.AsNoTracking()
            .Where(i => i.Status == DataImportStatus.Checking || i.Status == DataImportStatus.Committing)
            .Select(i => new { i.Id, i.Status, i.Report }).ToListAsync(stoppingToken);
        foreach (var import in unfinished)
        {
            if (import.Status == DataImportStatus.Checking)
            {
                queue.Enqueue(import.Id);
                continue;
            }

            var report = ImportReport.FromJson(import.Report);
            report.Failure = l["Die Übernahme wurde durch einen Neustart des Portals unterbrochen und vollständig zurückgenommen; es wurde nichts geschrieben. Bitte laden Sie die Datei erneut hoch."];
            await runner.FailAsync(import.Id, report, stoppingToken);
        }
    }
}
