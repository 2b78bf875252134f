using NestPortal.Web.Documents;

namespace NestPortal.Web.Tests.Documents;

/// <summary>The content check on its own: what it takes, what it refuses, and that its refusals say what to do (ADR 0024).</summary>
public sealed class DocumentContentCheckTests
{
    private readonly DocumentContentCheck _check = new(new DocumentOptions { MaxUnpackedMegabytes = 5 }, Texts.Localized.L);

    [Theory]
    [InlineData("Mietvertrag.pdf", "application/pdf")]
    [InlineData("foto.JPG", "image/jpeg")]
    [InlineData("foto.jpeg", "image/jpeg")]
    [InlineData("scan.png", "image/png")]
    [InlineData("Erklärung.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    public void Files_of_the_kind_their_name_says_are_taken_with_the_type_found(string name, string contentType)
    {
        var content = Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".pdf" => DocumentFiles.Pdf(),
            ".png" => DocumentFiles.Png(),
            ".docx" => DocumentFiles.Docx(),
            _ => DocumentFiles.Jpeg(),
        };

        var result = _check.Check(name, content);

        result.Refusal.ShouldBeNull();
        result.Format!.ContentType.ShouldBe(contentType);
    }

    [Fact]
    public void A_PDF_whose_harmless_dictionaries_sit_in_an_object_stream_is_taken() =>
        _check.Check("auszug.pdf", DocumentFiles.PdfWithHarmlessObjectStream()).Accepted.ShouldBeTrue();

    public static TheoryData<string, byte[], string> Refusals() => new()
    {
        { "Mietvertrag.pdf", [], "Die Datei ist leer." },
        { "Mietvertrag.pdf", DocumentFiles.Executable(), "Die Datei ist ein Programm, keine PDF-Datei." },
        { "foto.jpg", DocumentFiles.Executable(), "Die Datei ist ein Programm, keine JPEG-Datei." },
        { "Mietvertrag.pdf", DocumentFiles.Png(), "Die Datei ist keine PDF-Datei, obwohl sie so heißt." },
        { "scan.png", DocumentFiles.Pdf(), "Die Datei ist keine PNG-Datei, obwohl sie so heißt." },
        { "Mietvertrag.pdf", DocumentFiles.PdfWithJavaScript(), "Die PDF-Datei enthält JavaScript" },
        { "Mietvertrag.pdf", DocumentFiles.PdfWithEscapedJavaScript(), "Die PDF-Datei enthält JavaScript" },
        { "Mietvertrag.pdf", DocumentFiles.PdfWithJavaScriptInObjectStream(), "Die PDF-Datei enthält JavaScript" },
        { "Mietvertrag.pdf", DocumentFiles.PdfWithJavaScriptInObjectStream("/LZWDecode"), "auf eine Weise komprimiert, die wir nicht prüfen können" },
        { "Mietvertrag.pdf", DocumentFiles.Pdf("/Names << /EmbeddedFiles 5 0 R >>"), "eingebettete Dateien" },
        { "Mietvertrag.pdf", DocumentFiles.Pdf("/OpenAction << /S /Launch /F (cmd.exe) >>"), "eine Startaktion" },
        { "Mietvertrag.pdf", DocumentFiles.Pdf()[..^10], "Die PDF-Datei ist unvollständig oder beschädigt." },
        { "Erklärung.doc", DocumentFiles.LegacyWord(), "im alten Format (.doc, .xls) nehmen wir nicht an" },
        { "Erklärung.docx", DocumentFiles.LegacyWord(), "Die Datei ist eine Word- oder Excel-Datei im alten Format." },
        { "Erklärung.docx", DocumentFiles.Docx(macros: true), "Die Datei enthält Makros" },
        { "Erklärung.docx", DocumentFiles.DocxBomb(6), "Die Datei ist entpackt größer als 5 MB." },
        { "Erklärung.docx", DocumentFiles.Docx()[..^30], "Die Datei ist beschädigt oder unvollständig" },
        { "Tabelle.xlsx", DocumentFiles.Docx(), "Die Datei ist keine Excel-Datei, obwohl sie so heißt." },
        { "setup.exe", DocumentFiles.Executable(), "Dateien der Art „.exe“ nehmen wir nicht an." },
        { "scan.png", DocumentFiles.Png()[..^12], "Die PNG-Datei ist unvollständig oder beschädigt." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Refused_files_get_a_German_reason(string name, byte[] content, string reason)
    {
        var result = _check.Check(name, content);

        result.Accepted.ShouldBeFalse();
        result.Refusal!.ShouldContain(reason);
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\Miriam\\Desktop\\Mietvertrag.pdf", "Mietvertrag.pdf")]
    [InlineData("a\u0000b<c>.pdf", "a_b_c_.pdf")]
    [InlineData("...", "Dokument")]
    public void Uploaded_names_keep_only_their_last_segment_and_safe_characters(string uploaded, string kept) =>
        DocumentNames.Sanitise(uploaded).ShouldBe(kept);

    [Fact]
    public void A_long_name_is_cut_keeping_its_extension()
    {
        var name = DocumentNames.Sanitise(new string('x', 300) + ".pdf");

        name.Length.ShouldBe(NestPortal.Domain.Documents.Document.FileNameMaxLength);
        name.ShouldEndWith(".pdf");
    }
}
