using System.Net;
using NestPortal.Data.Operations;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Admin.Mails;

public sealed class IndexTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Administrators_see_failed_mails_with_attempts_and_error_but_never_a_body()
    {
        var failed = await MailRows.QueueAsync(factory, failures: OutgoingMail.MaxAttempts, subject: "Einladung zu NestPortal");
        var retrying = await MailRows.QueueAsync(factory, failures: 2);
        var sent = await MailRows.QueueAsync(factory, sent: true);
        var admin = await factory.SignedInAsAsync(Roles.Administrator);

        var page = await admin.GetPageAsync("/Admin/Mails?status=Failed");

        var rows = page.TableRows();
        rows.ShouldContain(r => r[0] == failed.To);
        rows.ShouldNotContain(r => r[0] == retrying.To || r[0] == sent.To);
        var row = rows.Single(r => r[0] == failed.To);
        row[1].ShouldBe("Einladung zu NestPortal");
        row[2].ShouldBe("fehlgeschlagen");
        row[3].ShouldBe("10");
        row[4].ShouldBe("451 4.3.0 Mailserver nicht erreichbar");
        row[6].ShouldBe("–");
        page.QuerySelector($"tr[data-mail='{failed.Id}'] a")!.GetAttribute("href").ShouldBe($"/Admin/Mails/SendAgain?id={failed.Id}");
        page.Source.Text.ShouldNotContain(MailRows.SecretBody);

        (await admin.GetPageAsync("/Admin/Mails?status=Waiting")).TableRows().ShouldContain(r => r[0] == retrying.To && r[2].StartsWith("wartend"));
        var sentRows = (await admin.GetPageAsync("/Admin/Mails?status=Sent")).TableRows();
        sentRows.ShouldContain(r => r[0] == sent.To && r[2] == "gesendet" && r[6] != "–");
    }

    [Fact]
    public async Task The_search_finds_mails_by_address_and_the_list_pages()
    {
        var wanted = await MailRows.QueueAsync(factory, failures: 1);
        for (var i = 0; i < 21; i++) await MailRows.QueueAsync(factory);
        var admin = await factory.SignedInAsAsync(Roles.Administrator);

        var found = await admin.GetPageAsync($"/Admin/Mails?search={Uri.EscapeDataString(wanted.To[..20])}");
        found.TableRows().Select(r => r[0]).ShouldBe([wanted.To]);

        var first = await admin.GetPageAsync("/Admin/Mails");
        first.TableRows().Count.ShouldBe(20);
        var second = await admin.GetPageAsync("/Admin/Mails?pageNumber=2");
        second.TableRows().ShouldNotBeEmpty();
        second.TableRows().Select(r => r[0]).ShouldNotContain(first.TableRows()[0][0]);
    }

    [Fact]
    public async Task A_search_that_matches_nothing_says_so()
    {
        var admin = await factory.SignedInAsAsync(Roles.Administrator);
        var page = await admin.GetPageAsync("/Admin/Mails?search=niemand-hier%25_");
        page.QuerySelector("main [role=status]")!.TextContent.ShouldBe("Keine E-Mails gefunden.");
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.CompetenceCentre)]
    [InlineData(Roles.Municipality)]
    public async Task Other_roles_are_refused(string role)
    {
        var client = await factory.SignedInAsAsync(role);
        (await client.GetAsync("/Admin/Mails")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
