using System.IO.Compression;
using System.Text;

namespace NestPortal.Web.Tests.Documents;

/// <summary>Small files of every kind the document check takes or refuses, built here so no binary sits in the repository.</summary>
public static class DocumentFiles
{
    /// <summary>A one-page PDF as a writer would save it; <paramref name="extra"/> is put into the catalogue's dictionary.</summary>
    public static byte[] Pdf(string extra = "") => Encoding.Latin1.GetBytes(
        "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R " + extra + " >>\nendobj\n" +
        "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n" +
        "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n" +
        "trailer\n<< /Root 1 0 R /Size 4 >>\nstartxref\n0\n%%EOF\n");

    public static byte[] PdfWithJavaScript() => Pdf("/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>");

    /// <summary>The same script action, its name written with a #xx escape, as malware does to slip past simple scanners.</summary>
    public static byte[] PdfWithEscapedJavaScript() => Pdf("/OpenAction << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>");

    /// <summary>The script action inside a compressed object stream (PDF 1.5), where a plain scan of the file cannot see it.</summary>
    public static byte[] PdfWithJavaScriptInObjectStream(string filter = "/FlateDecode")
    {
        var inner = Encoding.Latin1.GetBytes("4 0 << /S /JavaScript /JS (app.alert\\(1\\)) >>");
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(inner);
        var data = compressed.ToArray();
        var head = Encoding.Latin1.GetBytes($"%PDF-1.5\n1 0 obj\n<< /Type /Catalog /OpenAction 4 0 R >>\nendobj\n5 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter {filter} /Length {data.Length} >>\nstream\n");
        var tail = Encoding.Latin1.GetBytes("\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
        return [.. head, .. data, .. tail];
    }

    /// <summary>A harmless object stream (a page dictionary), as Word's PDF export writes them.</summary>
    public static byte[] PdfWithHarmlessObjectStream()
    {
        var inner = Encoding.Latin1.GetBytes("3 0 << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(inner);
        var data = compressed.ToArray();
        var head = Encoding.Latin1.GetBytes($"%PDF-1.5\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n5 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length {data.Length} >>\nstream\n");
        var tail = Encoding.Latin1.GetBytes("\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
        return [.. head, .. data, .. tail];
    }

    /// <summary>A PNG's signature, a header chunk and the end chunk: what the check reads of a picture.</summary>
    public static byte[] Png() =>
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A,
        0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xDE,
        0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82,
    ];

    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9];

    /// <summary>The start of a Windows program (MZ header and DOS stub), as a renamed .exe has.</summary>
    public static byte[] Executable() => [.. "MZ"u8, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, .. "This program cannot be run in DOS mode."u8];

    /// <summary>An OLE compound file, as Word 97–2003 saves a .doc.</summary>
    public static byte[] LegacyWord() => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>A Word document's parts; with <paramref name="macros"/> the VBA project of a .docm too.</summary>
    public static byte[] Docx(bool macros = false)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Add(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>""");
            Add(zip, "word/document.xml", """<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Erklärung</w:t></w:r></w:p></w:body></w:document>""");
            if (macros) Add(zip, "word/vbaProject.bin", "not really VBA");
        }

        return buffer.ToArray();
    }

    /// <summary>A ZIP whose one part unpacks to far more than the limit (zeros compress a thousandfold).</summary>
    public static byte[] DocxBomb(int unpackedMegabytes)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", "<Types/>");
            Add(zip, "word/document.xml", "<w:document/>");
            using var stream = zip.CreateEntry("word/media/zeros.bin", CompressionLevel.Optimal).Open();
            var megabyte = new byte[1024 * 1024];
            for (var i = 0; i < unpackedMegabytes; i++) stream.Write(megabyte);
        }

        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
