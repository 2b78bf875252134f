using System.Text.RegularExpressions;
using UglyToad.PdfPig;

namespace NestPortal.Web.Tests.Infrastructure;

/// <summary>A generated PDF read back as a reader would: its words in order, one space between, all pages.</summary>
public static partial class PdfText
{
    public static string Of(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var words = document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text);
        return Spaces().Replace(string.Join(" ", words), " ");
    }

    public static async Task<byte[]> PdfAsync(this HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var bytes = await response.Content.ReadAsByteArrayAsync();
        System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        return bytes;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
