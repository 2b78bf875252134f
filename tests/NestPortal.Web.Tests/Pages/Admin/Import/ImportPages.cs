using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Html.Dom;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Admin.Import;

/// <summary>What the import pages' tests do as a browser would: upload through the form, poll the status.</summary>
public static class ImportPages
{
    /// <summary>Generous: only how long a real failure takes to report, never whether a test passes on busy cores.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    /// <summary>Posts files to the upload form as a browser does (multipart, with the page's antiforgery token).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, params (string FileName, byte[] Content)[] files)
    {
        var page = await client.GetPageAsync("/Admin/Import");
        var token = page.QuerySelectorAll("form[enctype='multipart/form-data'] input[name='__RequestVerificationToken']")
            .OfType<IHtmlInputElement>().Single().Value;
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (fileName, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, "Files", fileName);
        }

        return await client.PostAsync("/Admin/Import?handler=Upload", content);
    }

    /// <summary>Polls the status handler, as the page's script does, until the dry run or commit has finished.</summary>
    public static async Task<JsonElement> WaitAsync(HttpClient client, string detailsUrl)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var json = JsonDocument.Parse(await client.GetStringAsync(detailsUrl + "?handler=Status")).RootElement;
            if (!json.GetProperty("running").GetBoolean()) return json;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{detailsUrl} still running after {Patience}");
            await Task.Delay(100);
        }
    }
}
