using Microsoft.AspNetCore.Http.Features;

namespace NestPortal.Web.Banking;

/// <summary>
/// Reads an uploaded statement within <c>Reconciliation:MaxStatementMegabytes</c>, as the import's upload
/// does (ADR 0021): a request over the limit is refused by its stated length before a byte is read, or while
/// the form is read when it states less than it sends; the page then shows a German message, not a bare 413.
/// </summary>
public static class StatementUpload
{
    public const string FieldName = "Statement";

    /// <summary>Room for the form's other fields and the multipart boundaries.</summary>
    private const long FormOverheadBytes = 64 * 1024;

    public static long MaxBytes(int megabytes) => megabytes * 1024L * 1024L;

    /// <summary>The posted form, or null when the request is larger than the limit allows.</summary>
    public static async Task<IFormCollection?> ReadFormAsync(HttpContext context, long maxBytes)
    {
        var requestLimit = maxBytes + FormOverheadBytes;
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

    /// <summary>The uploaded file's name and bytes; null when none was chosen or it is over the limit.</summary>
    public static async Task<(string FileName, byte[] Content)?> ReadFileAsync(IFormCollection form, long maxBytes)
    {
        if (form.Files.GetFile(FieldName) is not { Length: > 0 } file || file.Length > maxBytes) return null;
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer);
        return (Path.GetFileName(file.FileName), buffer.ToArray());
    }
}
