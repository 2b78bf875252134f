using Microsoft.Data.Sqlite;

namespace NestPortal.Web.Infrastructure;

/// <summary>
/// A database too busy to take a write within its busy timeout (SQLite's one write lock held by another
/// writer; SQL Server's lock timeout or a deadlock victim) is not a fault of the portal: the request is
/// answered 503 with Retry-After and the German "busy, nothing saved" page, never a 500 (ADR 0022).
/// Nothing is half-saved: every save runs in its own transaction, rolled back when it is disposed.
/// </summary>
public static class BusyDatabase
{
    /// <summary>Seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>SQLITE_BUSY (5) and SQLITE_LOCKED (6); SQL Server: lock request timeout (1222) and deadlock victim (1205).</summary>
    public static bool IsBusy(this Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite when sqlite.SqliteErrorCode is 5 or 6:
                case Microsoft.Data.SqlClient.SqlException sqlServer when sqlServer.Number is 1222 or 1205:
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Inside the status-code pages: a busy exception becomes an empty 503, which they render with the error
    /// page (<c>/Error?code=503</c>). Outside them nothing else changes; other exceptions go on to the handler.
    /// </summary>
    public static IApplicationBuilder UseBusyDatabaseAnswer(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception exception) when (exception.IsBusy() && !context.Response.HasStarted)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BusyDatabase))
                    .LogWarning("{Method} {Path}: the database stayed busy beyond its timeout; answered 503", context.Request.Method, context.Request.Path);
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        });
}
