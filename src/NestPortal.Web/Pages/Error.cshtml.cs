using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NestPortal.Web.Pages;

/// <summary>Renders 403, 404, 429 and unexpected errors (status code pages re-execute here) in German or English.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken(Order = 1001)]
public sealed class ErrorModel(TimeProvider time) : PageModel
{
    public int StatusCodeShown { get; private set; }
    public string? RequestId { get; private set; }

    /// <summary>For 429: the German local time from which the form may be posted again (Retry-After, rounded up to the minute).</summary>
    public DateTime? RetryFrom { get; private set; }

    public void OnGet(int? code) => Show(code);

    public void OnPost(int? code) => Show(code);

    /// <summary>The request was refused before any page saw it (<see cref="Infrastructure.MalformedRequests"/>).</summary>
    public bool Malformed => HttpContext.Items.ContainsKey(Infrastructure.MalformedRequests.ItemKey);

    private void Show(int? code)
    {
        // The code comes from the query string: only the statuses this page explains are taken.
        StatusCodeShown = code is 400 or 403 or 404 or 405 or 429 or 503 ? code.Value : StatusCodes.Status500InternalServerError;
        if (StatusCodeShown == StatusCodes.Status429TooManyRequests
            && int.TryParse(Response.Headers.RetryAfter, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            // Rounded up to the minute: trying at the time shown always succeeds.
            var retry = Clock.InGermany(time.UtcNow().AddSeconds(seconds));
            RetryFrom = new DateTime(retry.Ticks + TimeSpan.TicksPerMinute - 1 - (retry.Ticks + TimeSpan.TicksPerMinute - 1) % TimeSpan.TicksPerMinute);
        }

        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        // Keep the original status: the error page must not turn a 403 into a 200.
        Response.StatusCode = StatusCodeShown;
    }
}
