using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Web;
using NestPortal.Web.Reports;

namespace NestPortal.Development.Reports;

/// <summary>
/// <c>dotnet NestPortal.Development.dll report-bench [--stichtag 2026-11-24] [--export xlsx|csv FILE]</c>: the
/// yearly report for every year since the programme began on the configured database (the benchmark on
/// volume data), then optionally its export into a file; exits without serving a page. Prints for the
/// first (cold) and a second (warm) run the wall time, SQL commands and allocations, then the same through the
/// report cache (a first request and a hit), what building its tables costs (the cache keeps them), and for the export
/// its time, bytes and allocations; the process's peak memory last.
/// </summary>
public static class ReportBenchCommand
{
    public const string Name = "report-bench";

    private const string Usage = "Usage: report-bench [--stichtag yyyy-MM-dd] [--export xlsx|csv FILE] [host settings such as --contentRoot=…]";

    public static async Task<int> RunAsync(string[] args)
    {
        var hostArgs = new List<string>();
        DateOnly? stichtag = null;
        string? format = null, file = null;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--stichtag" && i + 1 < args.Length
                && DateOnly.TryParseExact(args[i + 1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                stichtag = parsed;
                i++;
            }
            else if (args[i] == "--export" && i + 2 < args.Length && args[i + 1] is "xlsx" or "csv")
            {
                (format, file) = (args[i + 1], args[i + 2]);
                i += 2;
            }
            else if (args[i].StartsWith("--stichtag", StringComparison.Ordinal) || args[i].StartsWith("--export", StringComparison.Ordinal))
            {
                await Console.Error.WriteLineAsync(Usage);
                return 2;
            }
            else
            {
                hostArgs.Add(args[i]);
            }
        }

        await using var app = await MaintenanceHost.StartAsync(hostArgs.ToArray());
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");

        var day = stichtag ?? TimeProvider.System.TodayInGermany();
        var request = ReportRequest.Default(day);
        var counter = app.Services.GetRequiredService<SqlCommandCounter>();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Report {request.FromYear}–{request.ToYear}, Stichtag {day:yyyy-MM-dd} ({DatabaseProvider.ProviderName(app.Configuration)})"));

        AnnualReport? report = null;
        foreach (var run in new[] { "cold", "warm" })
        {
            await using var scope = app.Services.CreateAsyncScope();
            var query = scope.ServiceProvider.GetRequiredService<AnnualReportQuery>();
            var (commands, allocated) = (counter.Total, GC.GetTotalAllocatedBytes(precise: true));
            var stopwatch = Stopwatch.StartNew();
            report = await query.RunAsync(request);
            stopwatch.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Report ({run}): {stopwatch.Elapsed.TotalSeconds:N2} s, {counter.Total - commands:N0} SQL commands, {Megabytes(GC.GetTotalAllocatedBytes(precise: true) - allocated):N0} MB allocated; {report.AtStichtag.ArrivedCumulative:N0} arrived, {report.AtStichtag.InProgramme:N0} in the programme, {report.Areas.Count:N0} area rows"));
        }

        // Through the cache the pages and files use (ADR 0033): the first request computes, the next one finds it.
        foreach (var run in new[] { "cache, first", "cache, hit" })
        {
            await using var scope = app.Services.CreateAsyncScope();
            var cache = scope.ServiceProvider.GetRequiredService<AnnualReportCache>();
            var commands = counter.Total;
            var stopwatch = Stopwatch.StartNew();
            await cache.GetAsync(request);
            stopwatch.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Report ({run}): {stopwatch.Elapsed.TotalMilliseconds:N1} ms, {counter.Total - commands:N0} SQL commands"));
        }

        // What a cached page would pay per request if the tables were built per request, not kept with the report.
        var l = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        report!.ToTables(l);
        const int tableRuns = 20;
        var tableWatch = Stopwatch.StartNew();
        for (var i = 0; i < tableRuns; i++) report.ToTables(l);
        tableWatch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Tables: {tableWatch.Elapsed.TotalMilliseconds / tableRuns:N2} ms to build, {report.ToTables(l).Sum(t => t.Rows.Count()):N0} rows"));

        if (format is not null && file is not null)
        {
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var stopwatch = Stopwatch.StartNew();
            var tables = report.ToTables(l);
            await using (var output = File.Create(file))
            {
                if (format == "xlsx") await ReportXlsxWriter.WriteAsync(output, ReportFileHeading.For(report.Request, l), tables);
                else await ReportCsvWriter.WriteAsync(output, tables);
            }

            stopwatch.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Export {format.ToUpperInvariant()}: {stopwatch.Elapsed.TotalSeconds:N2} s, {new FileInfo(file).Length:N0} bytes, {tables.Count} tables, {tables.Sum(t => t.Rows.Count()):N0} rows, {Megabytes(GC.GetTotalAllocatedBytes(precise: true) - allocated):N0} MB allocated"));
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Peak working set {Megabytes(process.PeakWorkingSet64):N0} MB, managed heap now {Megabytes(GC.GetTotalMemory(false)):N0} MB"));
        return 0;
    }

    private static double Megabytes(long bytes) => bytes / 1024.0 / 1024.0;
}
