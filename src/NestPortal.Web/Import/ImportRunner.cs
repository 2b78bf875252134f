using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Data.Auditing;
using NestPortal.Web.Authorization;
using NestPortal.Data.Operations;
using NestPortal.Domain.Common;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Import;

/// <summary>
/// Runs the dry run or the commit of one import, whichever its status asks for. Each pass opens its own
/// contexts: the dry run's is never saved; the commit's writes in staged slices and switches them visible
/// in one short transaction (ADR 0022), or, for a file that adds to records saved before, in one
/// transaction (ADR 0009); both with an audit actor naming the import. Progress goes to the import's row (dry run) and to memory (both).
/// </summary>
public sealed class ImportRunner(DbContextOptions<NestPortalDbContext> options, TimeProvider time, ImportTexts l, Countries countries,
    ImportProgress progress, IConfiguration configuration, ILogger<ImportRunner> logger)
{
    private readonly int _maxRowsPerSheet = configuration.GetValue(ImportRun.MaxRowsPerSheetSetting, ImportRun.DefaultMaxRowsPerSheet);
    private readonly ImportLimits _limits = ImportLimits.From(configuration);

    public async Task RunAsync(int importId, CancellationToken cancellationToken)
    {
        DataImport? import;
        await using (var db = new NestPortalDbContext(options, null, time))
            import = await db.DataImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == importId, cancellationToken);
        try
        {
            switch (import?.Status)
            {
                case DataImportStatus.Checking:
                    await CheckAsync(import, cancellationToken);
                    break;
                case DataImportStatus.Committing:
                    await CommitAsync(import, cancellationToken);
                    break;
            }
        }
        finally
        {
            progress.Forget(importId);
        }
    }

    private async Task CheckAsync(DataImport import, CancellationToken cancellationToken)
    {
        var report = new ImportReport();
        var sink = new ImportProgressSink(async (processed, total) =>
        {
            progress.Report(import.Id, processed, total);
            await using var db = new NestPortalDbContext(options, null, time);
            await db.DataImports.Where(i => i.Id == import.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.ProcessedRows, processed).SetProperty(i => i.TotalRows, total), cancellationToken);
        });
        var actor = new Actor(import.StartedByUserId, import.StartedByName);
        // The time budget (ADR 0021): one import runs at a time, so no file may keep the others waiting for long.
        using var budget = new CancellationTokenSource(_limits.CheckTimeBudget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        try
        {
            await using var work = new NestPortalDbContext(options, null, time);
            // Never saved: nothing needs the tracker to look for changes.
            work.ChangeTracker.AutoDetectChangesEnabled = false;
            await BuildAsync(work, import.Id, report, new ImportRun(import.Id, time.TodayInGermany(), time.UtcNow(), actor, Commit: false, sink) { MaxRowsPerSheet = _maxRowsPerSheet }, linked.Token);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Import {ImportId}: the dry run passed its time budget of {Budget}", import.Id, _limits.CheckTimeBudget);
            report.AddError(string.Empty, 0, null, l["Die Probe hat länger als {0:N0} Sekunden gedauert und wurde abgebrochen; es wurde nichts übernommen. Bitte teilen Sie die Daten auf mehrere Importe auf.", (long)_limits.CheckTimeBudget.TotalSeconds]);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A workbook broken in a way the reader does not anticipate (bad sheet XML) must still end the dry
            // run as invalid: otherwise it stays "Checking", cannot be discarded and is retried at every start.
            logger.LogError(exception, "Import {ImportId}: the dry run failed", import.Id);
            report.AddError(string.Empty, 0, null, l["Die Datei kann nicht gelesen werden: Sie ist keine XLSX-Arbeitsmappe und kein Satz CSV-Dateien im beschriebenen Format."]);
        }

        await using var save = new NestPortalDbContext(options, null, time);
        var row = await save.DataImports.SingleAsync(i => i.Id == import.Id, cancellationToken);
        row.FinishCheck(sink.Total, report.ErrorCount, report.ToJson(), time.UtcNow());
        await save.SaveChangesAsync(cancellationToken);
    }

    private async Task CommitAsync(DataImport import, CancellationToken cancellationToken)
    {
        var report = ImportReport.FromJson(import.Report);
        var name = $"{import.CommittedByName} ({import.AuditName})";
        var auditActor = new ImportAuditActor(new AuditActorInfo(import.StartedByUserId, name, Roles.Administrator, $"import-{import.Id}"));
        var sink = new ImportProgressSink((processed, total) =>
        {
            progress.Report(import.Id, processed, total);
            return Task.CompletedTask;
        });
        var run = new ImportRun(import.Id, time.TodayInGermany(), time.UtcNow(), new Actor(import.StartedByUserId, name), Commit: true, sink) { MaxRowsPerSheet = _maxRowsPerSheet };
        try
        {
            await using var db = new NestPortalDbContext(options, auditActor, time);
            // Every save looks for changes itself (the audit trail does, before it collects them); automatic
            // detection would scan every tracked record again at each query and each save of the build.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            // The audit entries of each save go in with multi-row inserts (same transaction, same rows, ADR 0006).
            db.WritesAuditEntriesDirectly = true;
            if (!report.ChangesEarlierRecords)
            {
                await CommitStagedAsync(db, import, run, cancellationToken);
                return;
            }

            // A file that adds to records saved before changes rows others see: one transaction, as before (ADR 0009).
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var recheck = new ImportReport();
            var builder = await BuildAsync(db, import.Id, recheck, run, cancellationToken);
            if (builder is null || recheck.ErrorCount > 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                recheck.Failure = l["Die erneute Prüfung vor der Übernahme hat Fehler gefunden (die Daten im Portal haben sich seit der Probe geändert); es wurde nichts übernommen."];
                await FailAsync(import.Id, recheck, cancellationToken);
                return;
            }

            // What the last sheets built, with its audit entries and imported-record references (the builder saved
            // the earlier sheets in batches as it went, all in this transaction).
            await builder.SaveAsync(cancellationToken);
            builder = null;

            var row = await db.DataImports.SingleAsync(i => i.Id == import.Id, cancellationToken);
            row.FinishCommit(time.UtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await db.DataImportFiles.Where(f => f.DataImportId == import.Id).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Import {ImportId} failed during commit; the transaction was rolled back", import.Id);
            report.Failure = l["Die Übernahme ist fehlgeschlagen und wurde vollständig zurückgenommen; es wurde nichts geschrieben. Technischer Grund: {0}", exception.GetBaseException().Message];
            await FailAsync(import.Id, report, cancellationToken);
        }
    }

    /// <summary>
    /// The commit without holding the writer (ADR 0022): the build saves its records in slices, each a short
    /// transaction of its own, staged for this import and hidden from every query; then one short transaction
    /// records the Sicherer-Hafen decisions, marks the import committed and switches the staged rows visible.
    /// A failure before the switch leaves nothing visible, and <see cref="FailAsync"/> deletes what was staged.
    /// </summary>
    private async Task CommitStagedAsync(NestPortalDbContext db, DataImport import, ImportRun run, CancellationToken cancellationToken)
    {
        db.StagingImportId = import.Id;
        var recheck = new ImportReport();
        var builder = await BuildAsync(db, import.Id, recheck, run, cancellationToken);
        if (builder is null || recheck.ErrorCount > 0)
        {
            recheck.Failure = l["Die erneute Prüfung vor der Übernahme hat Fehler gefunden (die Daten im Portal haben sich seit der Probe geändert); es wurde nichts übernommen."];
            await FailAsync(import.Id, recheck, cancellationToken);
            return;
        }

        // The last slice: what the last sheets built.
        await builder.SaveAsync(cancellationToken);

        // The switch: short, whatever the file's size (one UPDATE per table, the import's rows only).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.StagingImportId = null;
        await builder.RecordSafeHarboursAsync(cancellationToken);
        var row = await db.DataImports.SingleAsync(i => i.Id == import.Id, cancellationToken);
        row.FinishCommit(time.UtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await ImportStaging.SwitchAsync(db, import.Id, cancellationToken);
        await db.DataImportFiles.Where(f => f.DataImportId == import.Id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Reads the stored file and builds it; null (with the error in the report) when the file cannot be opened.</summary>
    private async Task<ImportBuilder?> BuildAsync(NestPortalDbContext db, int importId, ImportReport report, ImportRun run, CancellationToken cancellationToken)
    {
        var content = await db.DataImportFiles.AsNoTracking().Where(f => f.DataImportId == importId).Select(f => f.Content).SingleOrDefaultAsync(cancellationToken);
        if (content is null)
        {
            report.AddError(string.Empty, 0, null, l["Die Datei ist nicht mehr gespeichert."]);
            return null;
        }

        try
        {
            // Before any reader sees the file: a hostile one is refused here in seconds, with bounded memory.
            new ImportFileGuard(_limits, l).Check(content, cancellationToken);
            using var source = ImportSource.Open(content);
            var builder = new ImportBuilder(db, source, report, l, countries, run);
            await builder.BuildAsync(cancellationToken);
            return builder;
        }
        catch (ImportRefusedException refused)
        {
            logger.LogWarning("Import {ImportId}: the file was refused: {Reason}", importId, refused.Message);
            report.AddError(refused.Problem.Sheet, refused.Problem.Row, refused.Problem.Column, refused.Problem.Text);
            return null;
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or FormatException or InvalidOperationException or CsvHelper.CsvHelperException)
        {
            logger.LogWarning(exception, "Import {ImportId}: the file could not be read", importId);
            report.AddError(string.Empty, 0, null, l["Die Datei kann nicht gelesen werden: Sie ist keine XLSX-Arbeitsmappe und kein Satz CSV-Dateien im beschriebenen Format."]);
            return null;
        }
    }

    /// <summary>
    /// Marks the import failed from a fresh context (the commit's was rolled back) and drops the file; what a
    /// staged commit wrote before it failed or the portal stopped is deleted first (never visible, ADR 0022).
    /// </summary>
    public async Task FailAsync(int importId, ImportReport report, CancellationToken cancellationToken)
    {
        await using var db = new NestPortalDbContext(options, null, time);
        await ImportStaging.DiscardAsync(db, importId, cancellationToken);
        var row = await db.DataImports.SingleAsync(i => i.Id == importId, cancellationToken);
        row.Fail(report.ToJson());
        await db.SaveChangesAsync(cancellationToken);
        await db.DataImportFiles.Where(f => f.DataImportId == importId).ExecuteDeleteAsync(cancellationToken);
    }
}
