using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Data.Operations;
using NestPortal.Web.Infrastructure.Jobs;
using Quartz;

namespace NestPortal.Web.Import;

/// <summary>
/// Runs an import's dry run or commit, one import at a time across the cluster: each upload or commit
/// schedules a one-off trigger of this durable job carrying the import's id (<see cref="ImportQueue"/>).
/// It requests recovery, so an import interrupted by a crash is fired again (by another instance, or by
/// this one when it is back): a dry run still "Checking" is simply run again; a commit still "Committing"
/// was rolled back with its transaction, so it is marked failed (nothing was written) and the
/// administrator uploads again.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ImportJob(ImportRunner runner, NestPortalDbContext db, ImportTexts l) : IJob
{
    public const string ImportIdKey = "importId";
    public static readonly JobKey Key = new("import", PortalJob.Group);

    public static PortalJob Definition { get; } = new(Key, typeof(ImportJob), "Datenimport", RequestsRecovery: true, CanRunNow: false, Schedule: null);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // Stored as text: job data survives serializer changes and stays readable in QRTZ_TRIGGERS.
        var importId = int.Parse(context.MergedJobDataMap.GetString(ImportIdKey)!, CultureInfo.InvariantCulture);
        if (context.Recovering && await StatusAsync(importId, cancellationToken) == DataImportStatus.Committing)
        {
            var import = await db.DataImports.AsNoTracking().SingleAsync(i => i.Id == importId, cancellationToken);
            var report = ImportReport.FromJson(import.Report);
            report.Failure = l["Die Übernahme wurde durch einen Neustart des Portals unterbrochen und vollständig zurückgenommen; es wurde nichts geschrieben. Bitte laden Sie die Datei erneut hoch."];
            await runner.FailAsync(importId, report, cancellationToken);
            return;
        }

        await runner.RunAsync(importId, cancellationToken);
    }

    private Task<DataImportStatus> StatusAsync(int importId, CancellationToken cancellationToken) =>
        db.DataImports.AsNoTracking().Where(i => i.Id == importId).Select(i => i.Status).SingleAsync(cancellationToken);
}
