using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;

namespace NestPortal.Web.Infrastructure;

/// <summary>
/// A client that closes the connection before its answer is complete (a reader who leaves a long report, a
/// download cancelled) is no fault of the portal: the cancellation that follows is logged at Information and
/// the request log says 499 ("client closed request", as nginx does), not an error with status 500 that
/// would page someone. Sits right inside the request log, so every page and download is covered; an
/// exception while the client is still there stays an error.
/// </summary>
public sealed class ClientAborts(RequestDelegate next, ILogger<ClientAborts> logger)
{
    public const int StatusCode = 499;

    private const string ItemKey = nameof(ClientAborts);

    /// <summary>Whether the request ended because its client left (the request log's status and level).</summary>
    public static bool WasAborted(HttpContext context) => context.Items.ContainsKey(ItemKey);

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (context.RequestAborted.IsCancellationRequested && CausedByTheAbort(exception))
        {
            context.Items[ItemKey] = true;
            logger.LogInformation("The client closed the request {RequestPath} before its answer was complete ({Exception})",
                context.Request.Path.Value, exception.GetType().Name);
            // Nobody reads the answer: the status is set for the log when the headers are not sent yet, and no error
            // page is rendered for it.
            if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages) statusCodePages.Enabled = false;
            if (!context.Response.HasStarted) context.Response.StatusCode = StatusCode;
        }
    }

    /// <summary>
    /// What an aborted request throws: the cancellation of its token (also from EF and SQLite, which interrupts the
    /// statement), or a write to the closed connection.
    /// </summary>
    private static bool CausedByTheAbort(Exception exception) => exception switch
    {
        OperationCanceledException or IOException => true,
        SqliteException { SqliteErrorCode: 9 } => true, // SQLITE_INTERRUPT: the statement was stopped by the token
        _ => false,
    };
}
