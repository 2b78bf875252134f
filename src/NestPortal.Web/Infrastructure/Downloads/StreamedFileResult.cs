using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace NestPortal.Web.Infrastructure.Downloads;

/// <summary>
/// A download written straight into the response body as it is produced (an export of any size never
/// sits in memory as a whole), as an attachment with the given file name.
/// </summary>
public sealed class StreamedFileResult(string contentType, string fileName, Func<Stream, CancellationToken, Task> write) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = contentType;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        await write(response.Body, context.HttpContext.RequestAborted);
    }
}
