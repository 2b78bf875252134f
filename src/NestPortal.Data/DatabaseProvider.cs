using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace NestPortal.Data;

/// <summary>
/// Chooses the database from configuration (<c>Database:Provider</c>): SQLite, the embedded default
/// that needs no set-up, or SQL Server for production. Each provider has its own migrations assembly,
/// as the EF Core documentation advises for multi-provider models.
/// </summary>
public static class DatabaseProvider
{
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";
    public const string SqliteMigrationsAssembly = "NestPortal.Data.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "NestPortal.Data.Migrations.SqlServer";
    public const string DefaultSqliteConnection = "Data Source=App_Data/nestportal.db";

    /// <summary>
    /// How long a SQLite command (and the <c>BEGIN IMMEDIATE</c> of a transaction) waits for the single write
    /// lock before it gives up with SQLITE_BUSY: Microsoft.Data.Sqlite retries a busy database until the
    /// connection's <c>Default Timeout</c>, 30 s unless set. A request should fail fast and say so (503, ADR 0022)
    /// rather than hang; no writer holds the lock longer than a slice (the import commits in slices).
    /// </summary>
    public const string SqliteBusyTimeoutSetting = "Database:Sqlite:BusyTimeoutSeconds";

    public const int DefaultSqliteBusyTimeoutSeconds = 5;

    public static string ProviderName(IConfiguration configuration) =>
        configuration["Database:Provider"] switch
        {
            null or "" or Sqlite => Sqlite,
            SqlServer => SqlServer,
            var other => throw new InvalidOperationException(
                $"Database:Provider '{other}' is not supported; use '{Sqlite}' or '{SqlServer}'."),
        };

    /// <summary>Registers the DbContext for the configured provider.</summary>
    /// <param name="contentRoot">Relative SQLite paths are resolved against it, not the working directory.</param>
    public static IServiceCollection AddNestPortalDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = ProviderName(configuration);
        var connectionString = ConnectionString(configuration, contentRoot);
        // Interceptors the host registers (the web layer counts SQL commands per request) join every context.
        services.AddDbContext<NestPortalDbContext>((sp, options) => options.UseNestPortalProvider(provider, connectionString)
            .AddInterceptors(sp.GetServices<IInterceptor>()));
        return services;
    }

    /// <summary>The configured provider's connection string; the scheduler's job store uses the same database.</summary>
    public static string ConnectionString(IConfiguration configuration, string contentRoot) =>
        ProviderName(configuration) == Sqlite
            ? ResolveSqlitePath(configuration.GetConnectionString(Sqlite) ?? DefaultSqliteConnection, contentRoot,
                configuration.GetValue(SqliteBusyTimeoutSetting, DefaultSqliteBusyTimeoutSeconds))
            : configuration.GetConnectionString(SqlServer)
              ?? throw new InvalidOperationException("ConnectionStrings:SqlServer is required when Database:Provider is SqlServer.");

    /// <summary>Options for a context outside dependency injection: design-time tools and tests.</summary>
    public static DbContextOptions<NestPortalDbContext> OptionsFor(string provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<NestPortalDbContext>();
        builder.UseNestPortalProvider(provider, connectionString);
        return builder.Options;
    }

    public static DbContextOptionsBuilder UseNestPortalProvider(this DbContextOptionsBuilder options, string provider, string connectionString) =>
        provider switch
        {
            Sqlite => options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly))
                .ReplaceService<Microsoft.EntityFrameworkCore.Update.IModificationCommandBatchFactory, SqliteBatchingCommandBatchFactory>()
                .AddInterceptors(SqliteSecureDelete.Instance),
            // No EnableRetryOnFailure: every audited save runs in its own transaction (ADR 0006).
            SqlServer => options.UseSqlServer(connectionString, sql => sql.MigrationsAssembly(SqlServerMigrationsAssembly)),
            _ => throw new InvalidOperationException($"Unknown database provider '{provider}'."),
        };

    private static string ResolveSqlitePath(string connectionString, string contentRoot, int busyTimeoutSeconds)
    {
        // The setting wins over a "Default Timeout" in the connection string: one documented place.
        var builder = new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = Math.Max(1, busyTimeoutSeconds) };
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        if (builder.DataSource != ":memory:")
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        return builder.ToString();
    }
}
