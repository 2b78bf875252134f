using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Web.Letters;

namespace NestPortal.Development.Letters;

/// <summary>
/// <c>dotnet NestPortal.Development.dll letter-bench [--letters 200]</c>: renders the decision letter of the configured
/// database's current allocations (the demo data's, repeated up to the count) without storing them, and prints the
/// first (cold: fonts loaded, code jitted) and the mean warm time per letter, the mean size and the process's peak
/// memory (docs/performance.md). Not a timed test.
/// </summary>
public static class LetterBenchCommand
{
    public const string Name = "letter-bench";

    public static async Task<int> RunAsync(string[] args)
    {
        var count = 200;
        var hostArgs = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--letters" && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                count = n;
                i++;
            }
            else hostArgs.Add(args[i]);
        }

        await using var app = await MaintenanceHost.StartAsync(hostArgs.ToArray());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NestPortalDbContext>();
        var letters = scope.ServiceProvider.GetRequiredService<DecisionLetters>();
        var households = await db.Households.AsNoTracking().Include(h => h.Persons).Include(h => h.Allocations).AsSplitQuery()
            .Where(h => h.Allocations.Any(a => a.SupersededAtUtc == null)).OrderBy(h => h.Id).Take(50).ToListAsync();
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => m.AdministrationAddress != null).ToDictionaryAsync(m => m.Ags);
        var cases = households.Select(h => (Household: h, Allocation: h.Allocations.Single(a => a.SupersededAtUtc == null)))
            .Where(c => municipalities.ContainsKey(c.Allocation.MunicipalityAgs)).ToList();
        if (cases.Count == 0)
        {
            Console.Error.WriteLine("No current allocation to a municipality with an administration address: run on the demo data.");
            return 1;
        }

        var stopwatch = Stopwatch.StartNew();
        var first = letters.Render(cases[0].Household, cases[0].Allocation, municipalities[cases[0].Allocation.MunicipalityAgs]);
        var cold = stopwatch.Elapsed;
        long bytes = 0;
        stopwatch.Restart();
        for (var i = 0; i < count; i++)
        {
            var (household, allocation) = cases[i % cases.Count];
            bytes += letters.Render(household, allocation, municipalities[allocation.MunicipalityAgs]).Length;
        }

        var warm = stopwatch.Elapsed;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Decision letters: first {cold.TotalMilliseconds:N0} ms ({first.Length / 1024.0:N1} KB); {count:N0} more from {cases.Count} allocations in {warm.TotalSeconds:N2} s = {warm.TotalMilliseconds / count:N1} ms and {bytes / 1024.0 / count:N1} KB per letter; peak working set {process.PeakWorkingSet64 / 1024.0 / 1024.0:N0} MB"));
        return 0;
    }
}
