using System.Diagnostics;
using System.Globalization;
using NestPortal.Data;
using NestPortal.Web.RentRuns;

namespace NestPortal.Development.RentRuns;

/// <summary>
/// <c>dotnet run --project src/NestPortal.Development -- rent-run [--paid-through 2026-11-24]</c>: one rent run
/// on the configured database (for the benchmark on volume data, or by hand), then exits. Prints the
/// run's figures, its wall time, the SQL commands per account and the process's peak memory.
/// </summary>
public static class RentRunCommand
{
    public const string Name = "rent-run";

    public static async Task<int> RunAsync(string[] args)
    {
        var hostArgs = new List<string>();
        DateOnly? paidThrough = null;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--paid-through" && i + 1 < args.Length
                && DateOnly.TryParseExact(args[i + 1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                paidThrough = parsed;
                i++;
            }
            else if (args[i] == "--paid-through")
            {
                await Console.Error.WriteLineAsync("Usage: rent-run [--paid-through yyyy-MM-dd] [host settings such as --contentRoot=…]");
                return 2;
            }
            else
            {
                hostArgs.Add(args[i]);
            }
        }

        await using var app = await MaintenanceHost.StartAsync(hostArgs.ToArray());

        var day = paidThrough ?? TimeProvider.System.TodayInGermany();
        var counter = app.Services.GetRequiredService<SqlCommandCounter>();
        await using var scope = app.Services.CreateAsyncScope();
        var runner = scope.ServiceProvider.GetRequiredService<RentRunner>();
        var commandsBefore = counter.Total;
        var stopwatch = Stopwatch.StartNew();
        var run = await runner.RunAsync(day, "Kommandozeile");
        stopwatch.Stop();
        var commands = counter.Total - commandsBefore;
        using var process = Process.GetCurrentProcess();
        process.Refresh();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Rent run {run.Id} through {day:yyyy-MM-dd} ({DatabaseProvider.ProviderName(app.Configuration)}): {run.AccountsChecked:N0} accounts, {run.Payments:N0} payments ({run.AmountPaid:N2} EUR), {run.Refunds:N0} refunds ({run.AmountRefunded:N2} EUR), {run.SponsorshipsCompleted:N0} completed, {run.Failures:N0} failures"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wall time {stopwatch.Elapsed.TotalSeconds:N1} s; {commands:N0} SQL commands, {(run.AccountsChecked == 0 ? 0 : commands / (double)run.AccountsChecked):N2} per account; peak working set {process.PeakWorkingSet64 / 1024.0 / 1024.0:N0} MB, managed heap now {GC.GetTotalMemory(false) / 1024.0 / 1024.0:N0} MB"));
        return 0;
    }
}
