using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NestPortal.Web.Pages;

/// <summary>Renders 403, 404 and unexpected errors (status code pages re-execute here) in German or English.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken(Order = 1001)]
public sealed class ErrorModel : PageModel
{
    public int StatusCodeShown { get; private set; }
    public string? RequestId { get; private set; }

    public void OnGet(int? code) => Show(code);

    public void OnPost(int? code) => Show(code);

    private void Show(int? code)
    {
        // The code comes from the query string: only the statuses this page explains are taken.
        StatusCodeShown = code is 400 or 403 or 404 or 405 or 503 ? code.Value : StatusCodes.Status500InternalServerError;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        // Keep the original status: the error page must not turn a 403 into a 200.
        Response.StatusCode = StatusCodeShown;
    }
}
