using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Data.Seeding;

namespace NestPortal.Web.Startup;

/// <summary>
/// Brings the database up to date at start: migrations (always for the embedded SQLite default; for SQL
/// Server only when Database:MigrateOnStartup is set, since production migrates by script), then
/// reference data, roles, the first administrator and whatever the host adds as an <see cref="IStartupSeed"/>
/// (the development host: the demo data).
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

        await NestPortal.Web.Infrastructure.KeysAtRest.PlaintextKeys.RevokeAsync(scope.ServiceProvider,
            scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer)));
        await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
        await scope.ServiceProvider.GetRequiredService<IdentitySeeder>().SeedRolesAndFirstAdministratorAsync(configuration, environment);
        foreach (var seed in scope.ServiceProvider.GetServices<IStartupSeed>())
            await seed.SeedAsync(CancellationToken.None);
    }
}
