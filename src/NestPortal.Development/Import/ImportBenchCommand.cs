using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Data.Operations;
using NestPortal.Web.Import;

namespace NestPortal.Development.Import;

/// <summary>
/// <c>dotnet NestPortal.Development.dll import-bench [--groups 1000 | --ledger-rows 100000] [--file bestand.xlsx] [--write bestand.xlsx]</c>: imports a workbook
/// (the given one, or a generated sample of groups of four with their households, about ten rows per
/// group, or a history with whole ledgers of completed sponsorships) into the configured database (with <c>--write</c>: only writes the generated workbook and stops): dry run, then commit, each timed, with the peak memory.
/// With <c>--deposits N</c> a clerk books up to N deposits one after another (a pause of 100 ms between them) while the
/// commit runs, each a save of its own as the deposit page makes it, and the longest wait is printed (ADR 0022). For
/// scripts/bench-import.sh; not a test.
/// </summary>
public static class ImportBenchCommand
{
    public const string Name = "import-bench";

    public static async Task<int> RunAsync(string[] args)
    {
        var hostArgs = new List<string>();
        var groups = 1000;
        string? file = null;
        string? write = null;
        int? ledgerRows = null;
        var deposits = 0;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--groups" && i + 1 < args.Length) groups = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--file" && i + 1 < args.Length) file = args[++i];
            else if (args[i] == "--write" && i + 1 < args.Length) write = args[++i];
            else if (args[i] == "--ledger-rows" && i + 1 < args.Length) ledgerRows = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--deposits" && i + 1 < args.Length) deposits = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else hostArgs.Add(args[i]);
        }

        if (write is not null)
        {
            // Only the workbook, for a second process to import (so that building it does not count in the import's memory).
            var generated = Generate(groups, ledgerRows);
            await File.WriteAllBytesAsync(write, generated);
            return 0;
        }

        await using var app = await MaintenanceHost.StartAsync(hostArgs.ToArray());

        var content = file is null ? Generate(groups, ledgerRows) : await File.ReadAllBytesAsync(file);

        int id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NestPortalDbContext>();
            var import = new DataImport(Path.GetFileName(file ?? "bench.xlsx"), Convert.ToHexStringLower(SHA256.HashData(content)), content.Length, "bench", "Benchmark", DateTime.UtcNow);
            db.DataImports.Add(import);
            await db.SaveChangesAsync();
            db.DataImportFiles.Add(new DataImportFile(import.Id, content));
            await db.SaveChangesAsync();
            id = import.Id;
        }

        content = [];
        var counter = app.Services.GetRequiredService<SqlCommandCounter>();
        var commandsBefore = counter.Total;
        var dryRun = await TimeAsync(app.Services, id);
        var dryRunCommands = counter.Total - commandsBefore;
        var (status, rows, errors, report) = await StateAsync(app.Services, id);
        using (var afterDryRun = Process.GetCurrentProcess())
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Dry run: {dryRun.TotalSeconds:N1} s, {status}, {rows:N0} rows, {errors:N0} errors, {dryRunCommands:N0} SQL commands; peak working set so far {afterDryRun.PeakWorkingSet64 / 1024.0 / 1024.0:N0} MB"));
        if (status != DataImportStatus.Checked)
        {
            foreach (var error in ImportReport.FromJson(report).Errors.Take(10)) Console.WriteLine($"  {error.Sheet} {error.Row} {error.Column}: {error.Text.De}");
            return 1;
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NestPortalDbContext>();
            (await db.DataImports.SingleAsync(i => i.Id == id)).StartCommit("Benchmark");
            await db.SaveChangesAsync();
        }

        // A sponsorship saved before the commit for the clerk's deposits: a small import of its own.
        var account = deposits > 0 ? await AccountForDepositsAsync(app.Services) : 0;
        using var commitDone = new CancellationTokenSource();
        var clerk = deposits > 0 ? Task.Run(() => DepositWhileAsync(app.Services, account, deposits, commitDone.Token)) : Task.FromResult(new List<(TimeSpan, bool)>());
        commandsBefore = counter.Total;
        var commit = await TimeAsync(app.Services, id);
        var commitCommands = counter.Total - commandsBefore;
        await commitDone.CancelAsync();
        var booked = await clerk;
        if (deposits > 0)
        {
            var waits = booked.Select(b => b.Item1.TotalMilliseconds).Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Deposits during the commit: {booked.Count(b => b.Item2)} booked, {booked.Count(b => !b.Item2)} refused busy; wait max {(waits.Count > 0 ? waits[^1] : 0):N0} ms, median {(waits.Count > 0 ? waits[waits.Count / 2] : 0):N0} ms"));
        }

        (status, _, _, _) = await StateAsync(app.Services, id);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Commit: {commit.TotalSeconds:N1} s, {status}, {commitCommands:N0} SQL commands"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Peak working set {process.PeakWorkingSet64 / 1024.0 / 1024.0:N0} MB; managed heap now {GC.GetTotalMemory(false) / 1024.0 / 1024.0:N0} MB ({DatabaseProvider.ProviderName(app.Configuration)})"));
        return status == DataImportStatus.Committed ? 0 : 1;
    }

    /// <summary>Imports one sample group with its sponsorship and returns the sponsorship's id.</summary>
    private static async Task<int> AccountForDepositsAsync(IServiceProvider services)
    {
        var content = ImportSampleWorkbook.Valid(1, "CLERK" + DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture)).ToXlsx();
        int id;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NestPortalDbContext>();
            var import = new DataImport("clerk.xlsx", Convert.ToHexStringLower(SHA256.HashData(content)), content.Length, "bench", "Benchmark", DateTime.UtcNow);
            db.DataImports.Add(import);
            await db.SaveChangesAsync();
            db.DataImportFiles.Add(new DataImportFile(import.Id, content));
            await db.SaveChangesAsync();
            id = import.Id;
        }

        await TimeAsync(services, id);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NestPortalDbContext>();
            (await db.DataImports.SingleAsync(i => i.Id == id)).StartCommit("Benchmark");
            await db.SaveChangesAsync();
        }

        await TimeAsync(services, id);
        await using var read = services.CreateAsyncScope();
        return await read.ServiceProvider.GetRequiredService<NestPortalDbContext>().Sponsorships.OrderByDescending(s => s.Id).Select(s => s.Id).FirstAsync();
    }

    /// <summary>Books deposits one after another until the commit is done or <paramref name="limit"/> are made; each one's wait and whether it was booked.</summary>
    private static async Task<List<(TimeSpan Wait, bool Booked)>> DepositWhileAsync(IServiceProvider services, int sponsorshipId, int limit, CancellationToken commitDone)
    {
        var results = new List<(TimeSpan, bool)>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        while (results.Count < limit && !commitDone.IsCancellationRequested)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NestPortalDbContext>();
            var stopwatch = Stopwatch.StartNew();
            try
            {
                var sponsorship = await db.Sponsorships.SingleAsync(s => s.Id == sponsorshipId);
                sponsorship.RecordDeposit(10m, today, "Benchmark", today, new NestPortal.Domain.Common.Actor("bench", "Sachbearbeitung"), DateTime.UtcNow, Guid.NewGuid());
                await db.SaveChangesAsync();
                results.Add((stopwatch.Elapsed, true));
            }
            catch (Exception exception) when (IsBusy(exception))
            {
                results.Add((stopwatch.Elapsed, false));
            }

            try { await Task.Delay(100, commitDone); }
            catch (OperationCanceledException) { break; }
        }

        return results;
    }

    private static bool IsBusy(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 }) return true;
        return false;
    }

    private static byte[] Generate(int groups, int? ledgerRows)
    {
        var prefix = "BENCH" + DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        // A history: whole ledgers of completed sponsorships, 14 rows each (the sheets exceed the default row limit).
        var book = ledgerRows is { } wanted
            ? ImportSampleWorkbook.History((wanted + 13) / 14, prefix)
            : ImportSampleWorkbook.Valid(groups, prefix);
        var content = book.ToXlsx();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Generated workbook: {book.RowCount:N0} rows, {content.Length / 1024.0:N0} KB"));
        return content;
    }

    private static async Task<TimeSpan> TimeAsync(IServiceProvider services, int id)
    {
        await using var scope = services.CreateAsyncScope();
        var stopwatch = Stopwatch.StartNew();
        await scope.ServiceProvider.GetRequiredService<ImportRunner>().RunAsync(id, CancellationToken.None);
        return stopwatch.Elapsed;
    }

    private static async Task<(DataImportStatus, int, int, string?)> StateAsync(IServiceProvider services, int id)
    {
        await using var scope = services.CreateAsyncScope();
        var import = await scope.ServiceProvider.GetRequiredService<NestPortalDbContext>().DataImports.AsNoTracking().SingleAsync(i => i.Id == id);
        return (import.Status, import.TotalRows, import.ErrorCount, import.Report);
    }
}
