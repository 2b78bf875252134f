namespace NestPortal.Web.Documents;

/// <summary>One kind of file the portal takes: its extensions, the content type it is served with, and its name for people.</summary>
public sealed record DocumentFormat(string Label, string ContentType, params string[] Extensions)
{
    public static readonly DocumentFormat Pdf = new("PDF", "application/pdf", ".pdf");
    public static readonly DocumentFormat Jpeg = new("JPEG", "image/jpeg", ".jpg", ".jpeg");
    public static readonly DocumentFormat Png = new("PNG", "image/png", ".png");
    public static readonly DocumentFormat Docx = new("Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly DocumentFormat Xlsx = new("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
    public static readonly DocumentFormat Odt = new("OpenDocument-Text", "application/vnd.oasis.opendocument.text", ".odt");
    public static readonly DocumentFormat Ods = new("OpenDocument-Tabellen", "application/vnd.oasis.opendocument.spreadsheet", ".ods");

    public static readonly IReadOnlyList<DocumentFormat> All = [Pdf, Jpeg, Png, Docx, Xlsx, Odt, Ods];

    /// <summary>The file input's accept list: extensions and types, so a phone offers its camera (JPEG) and its files.</summary>
    public static string AcceptList => string.Join(',', All.SelectMany(f => f.Extensions).Concat(All.Select(f => f.ContentType)).Distinct());

    public static DocumentFormat? ByExtension(string extension) =>
        All.FirstOrDefault(f => f.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase));

    /// <summary>The OOXML part that makes the package a document of this format.</summary>
    public string? MainPart => this == Docx ? "word/document.xml" : this == Xlsx ? "xl/workbook.xml" : null;
}
