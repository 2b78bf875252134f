using System.Net.Mime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using NestPortal.Domain.Letters;

namespace NestPortal.Web.Letters;

/// <summary>A stored letter as the response: its bytes unchanged, never cached, to open in the browser or to save.</summary>
public static class LetterFile
{
    public static IActionResult Serve(HttpResponse response, Letter letter, bool download)
    {
        response.Headers.CacheControl = "no-store";
        if (download) return new FileContentResult(letter.Content, MediaTypeNames.Application.Pdf) { FileDownloadName = letter.FileName };

        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(letter.FileName);
        response.Headers.ContentDisposition = disposition.ToString();
        return new FileContentResult(letter.Content, MediaTypeNames.Application.Pdf);
    }
}
