using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Html.Dom;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.ImportSample;

/// <summary>
/// Imports files the documented way, through the administrator's pages: upload on /Admin/Import, wait
/// for the dry run, read its page, commit with the confirmation, wait for the commit.
/// </summary>
public static class SampleImport
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    /// <summary>The outcome: the import's id, the dry run's page and the final status ("Committed" unless the dry run failed).</summary>
    public sealed record Outcome(int Id, IHtmlDocument DryRunPage, string Status);

    /// <summary>Uploads, waits for the dry run and, when it has no errors, commits and waits for that too.</summary>
    public static async Task<Outcome> ImportAsync(this HttpClient administrator, IReadOnlyList<(string FileName, byte[] Content)> files)
    {
        var id = await UploadAsync(administrator, files);
        var checkedStatus = await WaitAsync(administrator, id);
        var dryRun = await administrator.GetPageAsync($"/Admin/Import/Details/{id}");
        if (checkedStatus != "Checked") return new Outcome(id, dryRun, checkedStatus);

        var commit = await administrator.PostFormAsync($"/Admin/Import/Details/{id}",
            new Dictionary<string, string> { ["Confirmed"] = "true" }, actionContains: "handler=Commit");
        commit.StatusCode.ShouldBe(HttpStatusCode.Redirect, string.Join("; ", (await commit.ReadHtmlAsync()).Errors()));
        return new Outcome(id, dryRun, await WaitAsync(administrator, id));
    }

    public static async Task<int> UploadAsync(HttpClient administrator, IReadOnlyList<(string FileName, byte[] Content)> files)
    {
        var page = await administrator.GetPageAsync("/Admin/Import");
        var token = page.ValueOf("__RequestVerificationToken") ?? throw new InvalidOperationException("No antiforgery token on /Admin/Import.");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (fileName, content) in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
                ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
            form.Add(file, "Files", fileName);
        }

        var response = await administrator.PostAsync("/Admin/Import?handler=Upload", form);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, string.Join("; ", (await response.ReadHtmlAsync()).Errors()));
        var location = response.Location();
        return int.Parse(location[(location.LastIndexOf('/') + 1)..].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Polls the status handler the page's script uses until the import stops running; returns its status.</summary>
    public static async Task<string> WaitAsync(HttpClient administrator, int id)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var json = await administrator.GetStringAsync($"/Admin/Import/Details/{id}?handler=Status");
            using var status = JsonDocument.Parse(json);
            if (!status.RootElement.GetProperty("running").GetBoolean()) return status.RootElement.GetProperty("status").GetString()!;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Import {id} still running after {Patience}: {json}");
            await Task.Delay(250);
        }
    }
}
