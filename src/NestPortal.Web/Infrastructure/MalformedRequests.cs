using Microsoft.Extensions.Primitives;

namespace NestPortal.Web.Infrastructure;

/// <summary>
/// Answers a request no page of the portal could have produced with a 400 and the German error page,
/// before antiforgery, model binding or the database see it: a control character such as NUL in the
/// query or a posted form, or a form beyond the framework's limits (1,024 values, 4 MB a value), which
/// the framework reports as an exception and would otherwise turn into a 500. Multipart forms (uploads)
/// are read by the page with its own size limits, so they are only caught when reading them fails.
/// </summary>
public sealed class MalformedRequests(RequestDelegate next, ILogger<MalformedRequests> logger)
{
    /// <summary>Set on the request when it was refused here, so the error page says what was wrong.</summary>
    public const string ItemKey = "NestPortal.MalformedRequest";

    public async Task InvokeAsync(HttpContext context)
    {
        // The error page, re-executed for this very request, must render: it sees the same query and form.
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            await next(context);
            return;
        }

        if (Holds(context.Request.Query))
        {
            Refuse(context, "a control character in the query string");
            return;
        }

        if (context.Request.HasFormContentType && !IsMultipart(context.Request))
        {
            try
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                if (Holds(form))
                {
                    Refuse(context, "a control character in the form");
                    return;
                }
            }
            catch (InvalidDataException exception)
            {
                Refuse(context, exception.Message);
                return;
            }
        }

        try
        {
            await next(context);
        }
        catch (InvalidDataException exception) when (!context.Response.HasStarted && IsMultipart(context.Request))
        {
            // A multipart form past its value or length limits, read by the page's model binding.
            Refuse(context, exception.Message);
        }
    }

    private void Refuse(HttpContext context, string reason)
    {
        logger.LogWarning("Refused a malformed request to {Path}: {Reason}", context.Request.Path, reason);
        context.Items[ItemKey] = true;
        // The error page is rendered for this request: it must not read the refused form again.
        context.Features.Set<Microsoft.AspNetCore.Http.Features.IFormFeature>(new Microsoft.AspNetCore.Http.Features.FormFeature(FormCollection.Empty));
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    private static bool IsMultipart(HttpRequest request) =>
        request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true;

    private static bool Holds(IEnumerable<KeyValuePair<string, StringValues>> values) =>
        values.Any(pair => TextInput.IsMalformed(pair.Key) || pair.Value.Any(v => v is not null && TextInput.IsMalformed(v)));
}
