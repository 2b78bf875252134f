using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Import;
using NestPortal.Web.Import;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Admin.Import;

public sealed class IndexTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
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
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var json = JsonDocument.Parse(await client.GetStringAsync(detailsUrl + "?handler=Status")).RootElement;
            if (!json.GetProperty("running").GetBoolean()) return json;
            await Task.Delay(100);
        }

        throw new TimeoutException($"{detailsUrl} still running");
    }

    [Fact]
    public async Task A_file_of_another_type_is_refused_on_the_form_and_nothing_is_stored()
    {
        var client = await factory.SignedInAsAsync(Roles.Administrator);
        var before = await factory.QueryAsync(db => db.DataImports.CountAsync());

        var response = await UploadAsync(client, ("bestand.pdf", [1, 2, 3]));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).Errors().ShouldContain("Bitte laden Sie entweder genau eine XLSX-Datei oder nur CSV-Dateien hoch.");
        (await factory.QueryAsync(db => db.DataImports.CountAsync())).ShouldBe(before);
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.CompetenceCentre)]
    [InlineData(Roles.Municipality)]
    public async Task Other_roles_are_refused_and_their_upload_stores_nothing(string role)
    {
        var admin = await factory.SignedInAsAsync(Roles.Administrator);
        var upload = await UploadAsync(admin, ("bestand.xlsx", ImportSampleWorkbook.Valid(1, "ROLE" + role.Length).ToXlsx()));
        var details = upload.Location();
        await WaitAsync(admin, details);
        var client = await factory.SignedInAsAsync(role);
        var before = await factory.QueryAsync(db => db.DataImports.CountAsync());

        using var content = new MultipartFormDataContent { { new ByteArrayContent([1]), "Files", "x.xlsx" } };
        (await client.PostAsync("/Admin/Import?handler=Upload", content)).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.BadRequest);
        (await client.PostAsync(details + "?handler=Commit", new FormUrlEncodedContent(new Dictionary<string, string> { ["Confirmed"] = "true" })))
            .StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.BadRequest);
        (await factory.QueryAsync(db => db.DataImports.CountAsync())).ShouldBe(before);
    }
}
