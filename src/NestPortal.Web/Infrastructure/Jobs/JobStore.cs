using System.Data;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using NestPortal.Data;
using Quartz;
using Quartz.Impl.AdoJobStore;
using Quartz.Impl.AdoJobStore.Common;

namespace NestPortal.Web.Infrastructure.Jobs;

/// <summary>
/// Quartz's persistent, clustered job store in the portal's own database, chosen by the same
/// <c>Database:Provider</c> as the DbContext; its tables come with the EF migrations (ADR 0010).
/// </summary>
public static class JobStore
{
    /// <summary>Every instance of one portal shares this name: it is how they find each other in the QRTZ_ tables.</summary>
    public const string SchedulerName = "NestPortal";

    public static void UsePortalDatabase(this IPersistentStoreBuilder store, IConfiguration configuration, string contentRoot)
    {
        var connectionString = DatabaseProvider.ConnectionString(configuration, contentRoot);
        if (DatabaseProvider.ProviderName(configuration) == DatabaseProvider.SqlServer)
        {
            store.UseSqlServer(SqlClientFactory.Instance, connectionString);
        }
        else
        {
            // Described generically rather than with UseSqlite: Quartz refuses a cluster on a store it
            // recognises as SQLite, because its SQLite set-up locks in-process only (ADR 0010).
            store.UseGenericDatabase(SqliteFactory.Instance, connectionString, new DbMetadata
            {
                ProductName = "SQLite (Microsoft.Data.Sqlite), clustered by row-update locks",
                ParameterNamePrefix = "@",
                UseParameterNamePrefixInParameterCollection = true,
                BindByName = true,
                ConfigureBinaryParameter = parameter => ((SqliteParameter)parameter).SqliteType = SqliteType.Blob,
            });
            // Quartz refuses a cluster with its SQLite delegate ("cannot be used as clustered mode") and
            // would lock in-process only. The standard delegate with a row-update lock makes every
            // scheduler transaction take SQLite's one write lock first (serializable = BEGIN IMMEDIATE),
            // so instances on one host sharing the file take turns; busy waits end after the
            // connection's default timeout (30 s) and Quartz retries. See ADR 0010 for the limits.
            store.UseDriverDelegate<StdAdoDelegate>();
            store.UseLockHandler<UpdateRowLockHandler>();
            store.ConfigureStore(options => options.TransactionIsolationLevel = IsolationLevel.Serializable);
        }

        store.UseClustering(clustering =>
        {
            clustering.CheckinInterval = TimeSpan.FromSeconds(5);
            clustering.CheckinMisfireThreshold = TimeSpan.FromSeconds(20);
        });
    }
}
