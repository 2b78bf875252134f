using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace NestPortal.Web.Infrastructure;

/// <summary>
/// The upload pages' one way to take a POST (ADR 0021): the form is read within the page's limit first, then the
/// antiforgery token is checked. The automatic check would read the form without the limit and refuse an
/// oversized file with a bare 400 or 413; this way a page answers "too large" in German. Such pages carry
/// <c>[IgnoreAntiforgeryToken]</c> and call <see cref="ReadPostAsync"/> from <c>OnPageHandlerExecutionAsync</c>,
/// so the token is still checked for every POST they take, before any handler runs.
/// </summary>
public static class LimitedUpload
{
    /// <summary>
    /// For a POST: the form read within <paramref name="requestLimit"/> bytes (null when the request is larger), with
    /// the antiforgery token checked; a request with a form but without a valid token gets a 400 and no handler runs.
    /// </summary>
    public static async Task<IFormCollection?> ReadPostAsync(PageHandlerExecutingContext context, long requestLimit, IAntiforgery antiforgery)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method)) return null;
        var form = await ReadFormAsync(http, requestLimit);
        if (form is null) return null;
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            context.Result = new BadRequestResult();
        }

        return form;
    }

    /// <summary>
    /// The posted form, or null when the request is larger than the limit: refused by its stated length before a byte
    /// is read, or while the form is read when it states less than it sends.
    /// </summary>
    private static async Task<IFormCollection?> ReadFormAsync(HttpContext context, long requestLimit)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = requestLimit;
        if (context.Request.ContentLength > requestLimit) return null;
        try
        {
            return await context.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = requestLimit }, context.RequestAborted);
        }
        catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return null;
        }
    }

    /// <summary>An uploaded file's bytes.</summary>
    public static async Task<byte[]> ReadAsync(IFormFile file)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
