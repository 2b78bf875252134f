using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Import;
using NestPortal.Web.Import;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Admin.Import;

public sealed class IndexTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_page_links_the_format_description_and_the_template()
    {
        var client = await factory.SignedInAsAsync(Roles.Administrator);

        var page = await client.GetPageAsync("/Admin/Import");

        page.QuerySelector("#format-link")!.GetAttribute("href").ShouldBe("/Admin/Import/Format");
        page.QuerySelector("#format-link")!.TextContent.ShouldBe("Formatbeschreibung: Blätter, Spalten und Werte");
        page.QuerySelector("#template-link")!.GetAttribute("href").ShouldBe("/Admin/Import/Format?handler=Template");
    }

    [Fact]
    public async Task A_file_of_another_type_is_refused_on_the_form_and_nothing_is_stored()
    {
        var client = await factory.SignedInAsAsync(Roles.Administrator);
        var before = await factory.QueryAsync(db => db.DataImports.CountAsync());

        var response = await ImportPages.UploadAsync(client, ("bestand.pdf", [1, 2, 3]));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).Errors().ShouldContain("Bitte laden Sie entweder genau eine XLSX-Datei oder nur CSV-Dateien hoch.");
        (await factory.QueryAsync(db => db.DataImports.CountAsync())).ShouldBe(before);
    }

    [Theory]
    [InlineData(21)]
    [InlineData(30)]
    public async Task An_upload_over_the_limit_gets_the_page_with_a_German_message_and_nothing_is_stored(int megabytes)
    {
        // 21 MB fits the request's room for the form (limit + 4 MB) and is refused by the files' size; 30 MB is
        // refused by the request's stated length before the form is read.
        var client = await factory.SignedInAsAsync(Roles.Administrator);
        var before = await factory.QueryAsync(db => db.DataImports.CountAsync());

        var response = await ImportPages.UploadAsync(client, ("bestand.xlsx", new byte[megabytes * 1024 * 1024]));

        response.StatusCode.ShouldBe(megabytes > 24 ? HttpStatusCode.RequestEntityTooLarge : HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.Errors().ShouldContain("Die Datei ist größer als 20 MB. Bitte teilen Sie die Daten auf mehrere Importe auf.");
        page.QuerySelector("#upload-heading").ShouldNotBeNull();
        (await factory.QueryAsync(db => db.DataImports.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task An_upload_without_the_antiforgery_token_is_refused()
    {
        var client = await factory.SignedInAsAsync(Roles.Administrator);
        using var content = new MultipartFormDataContent { { new ByteArrayContent(ImportSampleWorkbook.Valid(1, "CSRF").ToXlsx()), "Files", "bestand.xlsx" } };

        (await client.PostAsync("/Admin/Import?handler=Upload", content)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.CompetenceCentre)]
    [InlineData(Roles.Municipality)]
    public async Task Other_roles_are_refused_and_their_upload_stores_nothing(string role)
    {
        var admin = await factory.SignedInAsAsync(Roles.Administrator);
        var upload = await ImportPages.UploadAsync(admin, ("bestand.xlsx", ImportSampleWorkbook.Valid(1, "ROLE" + role.Length).ToXlsx()));
        var details = upload.Location();
        await ImportPages.WaitAsync(admin, details);
        var client = await factory.SignedInAsAsync(role);
        var before = await factory.QueryAsync(db => db.DataImports.CountAsync());

        using var content = new MultipartFormDataContent { { new ByteArrayContent([1]), "Files", "x.xlsx" } };
        (await client.PostAsync("/Admin/Import?handler=Upload", content)).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.BadRequest);
        (await client.PostAsync(details + "?handler=Commit", new FormUrlEncodedContent(new Dictionary<string, string> { ["Confirmed"] = "true" })))
            .StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.BadRequest);
        (await factory.QueryAsync(db => db.DataImports.CountAsync())).ShouldBe(before);
    }
}
