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
