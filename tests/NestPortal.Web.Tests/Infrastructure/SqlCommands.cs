using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NestPortal.Web.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands EF Core sends to one factory's database while it is alive (from EF's
/// diagnostic events, filtered by the database file, so tests running in parallel on other factories
/// do not count). Used to show that a page's number of commands does not grow with its rows.
/// </summary>
public sealed class SqlCommands : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _databasePath;
    private readonly List<IDisposable> _subscriptions = [];
    private int _count;

    private SqlCommands(string databasePath)
    {
        _databasePath = databasePath;
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    public static SqlCommands CountFor(PortalFactory factory) => new(factory.DatabasePath);

    public int Count => Volatile.Read(ref _count);

    /// <summary>The commands <paramref name="action"/> sends.</summary>
    public async Task<int> DuringAsync(Func<Task> action)
    {
        var before = Count;
        await action();
        return Count - before;
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name != DbLoggerCategory.Name) return;
        lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data
            && data.Command.Connection?.ConnectionString.Contains(_databasePath, StringComparison.Ordinal) == true)
            Interlocked.Increment(ref _count);
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            foreach (var subscription in _subscriptions) subscription.Dispose();
            _subscriptions.Clear();
        }
    }
}
