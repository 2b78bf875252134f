using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Data.Seeding;
using NestPortal.Web.Authorization;

namespace NestPortal.Web.Startup;

/// <summary>
/// Brings the database up to date at start: migrations (always for the embedded SQLite default; for SQL
/// Server only when Database:MigrateOnStartup is set, since production migrates by script), then
/// reference data, roles, the first administrator and, where configured, the demo data.
/// </summary>
public static class DatabaseInitializer
{
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, IConfiguration configuration, IHostEnvironment environment)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NestPortalDbContext>();
        var isSqlite = DatabaseProvider.ProviderName(configuration) == DatabaseProvider.Sqlite;
        if (configuration.GetValue("Database:MigrateOnStartup", defaultValue: isSqlite))
        {
            await db.Database.MigrateAsync();
        }

        if (isSqlite)
        {
            // Write-ahead logging lets readers go on while one request writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
        var identity = scope.ServiceProvider.GetRequiredService<IdentitySeeder>();
        await identity.SeedRolesAndFirstAdministratorAsync(configuration, environment);
        if (configuration.GetValue<bool>("Demo:Enabled"))
        {
            if (!DemoUsers.AllowedIn(environment))
                throw new InvalidOperationException("Demo:Enabled is only for Development: it creates accounts with published passwords.");
            await identity.SeedDemoUsersAsync();
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            await DemoGroups.SeedAsync(db, time);
            await Infrastructure.DemoData.DemoHouseholds.SeedAsync(db, time);
            await Infrastructure.DemoData.DemoOutreach.SeedAsync(db, time);
            scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer))
                .LogInformation("Demo data checked in {Milliseconds} ms", stopwatch.ElapsedMilliseconds);
        }
    }
}
