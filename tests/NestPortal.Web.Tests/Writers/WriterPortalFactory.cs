using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Writers;

/// <summary>
/// The portal with a short busy timeout and two switches: a signal raised when a request begins a write
/// transaction (so a test can release a lock exactly when someone waits for it, no sleeps), and a
/// read-only mode (every EF connection opened with <c>PRAGMA query_only</c>: SQLite then refuses every
/// write with SQLITE_READONLY, as for a read-only file; the tests run as root, where chmod does not stop writes).
/// </summary>
public sealed class WriterPortalFactory : PortalFactory
{
    /// <summary>Long enough for a thread-pool task to release a lock after the signal on a busy machine; short enough for a test to wait it out.</summary>
    public const int BusyTimeoutSeconds = 3;

    public TransactionSignal Transactions { get; } = new();
    public ReadOnlySwitch ReadOnly { get; } = new();
    public SliceSignal Slices { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:Sqlite:BusyTimeoutSeconds", BusyTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Audit:ViewSpoolDirectory", Path.Combine(Folder, "view-log-spool"));
        builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(Transactions).AddSingleton<IInterceptor>(ReadOnly).AddSingleton<IInterceptor>(Slices));
    }

    /// <summary>Takes SQLite's write lock from a connection of its own, as another writer (an import, another instance) would.</summary>
    public async Task<WriteLock> HoldWriteLockAsync()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE;";
        await begin.ExecuteNonQueryAsync();
        return new WriteLock(connection);
    }

    public sealed class WriteLock(SqliteConnection connection) : IAsyncDisposable
    {
        private int _released;

        public async Task ReleaseAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 1) return;
            await using (var rollback = connection.CreateCommand())
            {
                rollback.CommandText = "ROLLBACK;";
                await rollback.ExecuteNonQueryAsync();
            }

            await connection.DisposeAsync();
        }

        public async ValueTask DisposeAsync() => await ReleaseAsync();
    }

    /// <summary>Calls <see cref="OnStarting"/> once each time it is set, when a context begins a transaction.</summary>
    public sealed class TransactionSignal : DbTransactionInterceptor
    {
        private Action? _onStarting;

        public Action? OnStarting
        {
            set => Interlocked.Exchange(ref _onStarting, value);
        }

        public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
            InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Exchange(ref _onStarting, null)?.Invoke();
            return base.TransactionStartingAsync(connection, eventData, result, cancellationToken);
        }
    }

    /// <summary>
    /// Runs <see cref="AfterFirstSlice"/> once, right after an import's commit has committed a slice and before
    /// it builds the next: the moment another writer gets its turn, without any timing.
    /// </summary>
    public sealed class SliceSignal : DbTransactionInterceptor
    {
        private Func<Task>? _afterFirstSlice;

        public Func<Task>? AfterFirstSlice
        {
            set => Interlocked.Exchange(ref _afterFirstSlice, value);
        }

        public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (eventData.Context is NestPortal.Data.NestPortalDbContext { StagingImportId: not null } && Interlocked.Exchange(ref _afterFirstSlice, null) is { } run)
                await run();
            await base.TransactionCommittedAsync(transaction, eventData, cancellationToken);
        }
    }

    public sealed class ReadOnlySwitch : DbConnectionInterceptor
    {
        public bool On { get; set; }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = On ? "PRAGMA query_only = ON;" : "PRAGMA query_only = OFF;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = On ? "PRAGMA query_only = ON;" : "PRAGMA query_only = OFF;";
            command.ExecuteNonQuery();
        }
    }
}
