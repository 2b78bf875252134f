namespace NestPortal.Web.Banking;

/// <summary>
/// An uploaded statement within <c>Reconciliation:MaxStatementMegabytes</c>: the pages read the form through
/// <see cref="Infrastructure.LimitedUpload"/> (ADR 0021), so a file over the limit gets a German message, not a bare 413.
/// </summary>
public static class StatementUpload
{
    public const string FieldName = "Statement";

    /// <summary>Room for the form's other fields and the multipart boundaries.</summary>
    private const long FormOverheadBytes = 64 * 1024;

    public static long MaxBytes(int megabytes) => megabytes * 1024L * 1024L;

    /// <summary>The request a statement of <paramref name="maxBytes"/> may make (read by <see cref="Infrastructure.LimitedUpload"/>).</summary>
    public static long RequestLimit(long maxBytes) => maxBytes + FormOverheadBytes;

    /// <summary>The uploaded file's name and bytes; null when none was chosen or it is over the limit.</summary>
    public static async Task<(string FileName, byte[] Content)?> ReadFileAsync(IFormCollection form, long maxBytes)
    {
        if (form.Files.GetFile(FieldName) is not { Length: > 0 } file || file.Length > maxBytes) return null;
        return (Path.GetFileName(file.FileName), await Infrastructure.LimitedUpload.ReadAsync(file));
    }
}
