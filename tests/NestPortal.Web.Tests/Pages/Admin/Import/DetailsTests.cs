using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Import;
using NestPortal.Web.Import;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Admin.Import;

public sealed class DetailsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Administrator_uploads_checks_and_commits_a_workbook()
    {
        var client = await factory.SignedInAsAsync(Roles.Administrator);
        var book = ImportSampleWorkbook.Valid(2, "PAGE");

        var upload = await ImportPages.UploadAsync(client, ("bestand.xlsx", book.ToXlsx()));

        upload.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var details = upload.Location();
        details.ShouldStartWith("/Admin/Import/Details/");
        var status = await ImportPages.WaitAsync(client, details);
        status.GetProperty("status").GetString().ShouldBe("Checked");
        var page = await client.GetPageAsync(details);
        page.QuerySelector("#no-errors").ShouldNotBeNull();
        page.QuerySelector("progress#import-progress").ShouldNotBeNull();
        page.QuerySelector("#import-progress-text")!.TextContent.ShouldContain($"{book.RowCount} von {book.RowCount} Zeilen geprüft");
        page.QuerySelector("tr[data-sheet='Mitglieder'] [data-count='new']")!.TextContent.ShouldBe("8");

        var refused = await client.PostFormAsync(details, new Dictionary<string, string>(), actionContains: "handler=Commit");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.ReadHtmlAsync()).Errors().ShouldContain("Bitte bestätigen Sie, dass die Daten jetzt übernommen werden sollen.");
        (await factory.QueryAsync(db => db.MentoringGroups.CountAsync(g => g.Name.StartsWith("Importgruppe PAGE")))).ShouldBe(0);

        var commit = await client.PostFormAsync(details, new Dictionary<string, string> { ["Confirmed"] = "true" }, actionContains: "handler=Commit");
        commit.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ImportPages.WaitAsync(client, details)).GetProperty("status").GetString().ShouldBe("Committed");
        (await factory.QueryAsync(db => db.MentoringGroups.CountAsync(g => g.Name.StartsWith("Importgruppe PAGE")))).ShouldBe(2);
        var list = await client.GetPageAsync("/Admin/Import");
        list.QuerySelector("#imports")!.TextContent.ShouldContain("Übernommen");
    }

    [Fact]
    public async Task Administrator_uploads_a_set_of_csv_files_and_discards_it()
    {
        var client = await factory.SignedInAsAsync(Roles.Administrator);
        var files = ImportSampleWorkbook.Valid(1, "PCSV").ToCsvFiles().ToArray();

        var upload = await ImportPages.UploadAsync(client, files);

        var details = upload.Location();
        (await ImportPages.WaitAsync(client, details)).GetProperty("status").GetString().ShouldBe("Checked");
        var discard = await client.PostFormAsync(details, new Dictionary<string, string>(), actionContains: "handler=Discard");
        discard.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await client.GetPageAsync(details);
        page.QuerySelector("#import-discarded").ShouldNotBeNull();
        page.QuerySelector("form[action*='handler=Commit']").ShouldBeNull();
        (await factory.QueryAsync(db => db.MentoringGroups.CountAsync(g => g.Name.StartsWith("Importgruppe PCSV")))).ShouldBe(0);
        (await factory.QueryAsync(db => db.DataImportFiles.CountAsync(f => f.DataImportId == int.Parse(details.Split('/').Last())))).ShouldBe(0);
    }

    [Fact]
    public async Task A_file_that_is_no_workbook_is_reported_by_the_dry_run()
    {
        var client = await factory.SignedInAsAsync(Roles.Administrator);

        var upload = await ImportPages.UploadAsync(client, ("kaputt.xlsx", "kein Excel"u8.ToArray()));

        var details = upload.Location();
        (await ImportPages.WaitAsync(client, details)).GetProperty("status").GetString().ShouldBe("Invalid");
        (await client.GetPageAsync(details)).QuerySelector("#import-errors")!.TextContent.ShouldContain("Die Datei kann nicht gelesen werden");
    }

    [Fact]
    public async Task An_unknown_import_is_not_found()
    {
        var client = await factory.SignedInAsAsync(Roles.Administrator);
        (await client.GetAsync("/Admin/Import/Details/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
