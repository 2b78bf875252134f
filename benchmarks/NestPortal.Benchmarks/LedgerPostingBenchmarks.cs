using NestPortal.Web.Startup;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Common;
using NestPortal.Web.Infrastructure;
using NestPortal.Development.VolumeData;

namespace NestPortal.Benchmarks;

/// <summary>
/// Postings in sequence on SQLite, the way a page books one: load the account with its ledger, book a
/// deposit, save it with its audit entry in one transaction. Round-robin over the 1,000 accounts of
/// volume scale 2, so each ledger has a realistic size instead of growing without end.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10, invocationCount: 200)]
public class LedgerPostingBenchmarks
{
    private static readonly Actor Clerk = new("benchmark", "Benchmark");
    private WebApplication _app = null!;
    private string _folder = null!;
    private int[] _accounts = [];
    private int _next;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), "nestportal-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Benchmark", ContentRootPath = _folder });
        builder.Configuration["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(_folder, "bench.db")}";
        builder.Configuration["Database:Provider"] = "Sqlite";
        builder.Configuration["RentRun:Enabled"] = "false";
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddNestPortal(builder.Configuration, builder.Environment);
        _app = builder.Build();
        await _app.Services.InitializeDatabaseAsync(_app.Configuration, _app.Environment);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NestPortalDbContext>();
            await new VolumeGenerator(db, TimeProvider.System).RunAsync(new VolumeOptions(2), _ => { });
        }

        await using var read = _app.Services.CreateAsyncScope();
        _accounts = await read.ServiceProvider.GetRequiredService<NestPortalDbContext>().Sponsorships.Select(s => s.Id).ToArrayAsync();
    }

    [Benchmark(Description = "Deposit on one account (load ledger, book, save with audit)")]
    public async Task PostDepositAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NestPortalDbContext>();
        var id = _accounts[_next++ % _accounts.Length];
        var sponsorship = await db.Sponsorships.AsSplitQuery().SingleAsync(s => s.Id == id);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        sponsorship.RecordDeposit(10m, today, "Benchmark", today, Clerk, DateTime.UtcNow, Guid.NewGuid());
        await db.SaveChangesAsync();
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
