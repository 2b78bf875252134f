using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NestPortal.Web.Infrastructure;

/// <summary>
/// Counts the SQL commands each request sends, for the request log ("… in 12 ms, 4 SQL commands"):
/// a page whose count grows with the rows it shows has an N+1 query. The running total lets tests
/// and benchmarks compare two requests.
/// </summary>
public sealed class SqlCommandCounter(IHttpContextAccessor accessor) : DbCommandInterceptor
{
    private const string ItemKey = nameof(SqlCommandCounter);
    private long _total;

    public long Total => Interlocked.Read(ref _total);

    public static int CountFor(HttpContext context) => context.Items[ItemKey] is int count ? count : 0;

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    private void Count()
    {
        Interlocked.Increment(ref _total);
        if (accessor.HttpContext is { } context) context.Items[ItemKey] = CountFor(context) + 1;
    }
}
