using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Banking;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Banking.TestStatements;

namespace NestPortal.Web.Tests.Pages.Escrow;

/// <summary>Staff upload a rent account's statement: stored once per booking with its file, reconciled at once (ADR 0025).</summary>
public sealed class UploadTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static DateOnly Today => TestGroups.Today;
    private static string Url(int id) => $"/Escrow/Upload/{id}";

    private static byte[] Statement(IReadOnlyList<DateOnly> months) =>
        Camt053(ValidIban, 7_800m - 650m * months.Count, months[0], Today,
            [new TestBooking("D1", 7_800m, Today, GroupIban, "Mietkaution"), .. months.Select(m => RentDebit(m, Today))]);

    private const string ValidIban = TestHouseholds.ValidIban;

    [Fact]
    public async Task Staff_upload_a_statement_and_every_month_is_confirmed()
    {
        var (id, months) = await factory.PaidAccountAsync("Auszug Glücklich");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var response = await client.UploadStatementAsync(Url(id), Statement(months));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"/Escrow/Reconciliation/{id}");
        var (entries, matches, statement) = await factory.QueryAsync(async db => (
            await db.BankEntries.CountAsync(e => e.SponsorshipId == id),
            await db.BankMatches.CountAsync(m => m.SponsorshipId == id),
            await db.BankStatements.AsNoTracking().SingleAsync(s => s.SponsorshipId == id)));
        (entries, matches).ShouldBe((4, 4));
        statement.Content.ShouldBe(Statement(months));
        statement.FileName.ShouldBe("auszug.xml");
        var page = await client.GetPageAsync(response.Location());
        page.MainText().ShouldContain("Der Kontoauszug ist übernommen: 4 neue Buchungen, 0 bereits bekannt, 4 zugeordnet.");
        page.QuerySelectorAll("[data-state='Confirmed']").Length.ShouldBe(3);
        page.QuerySelector("[data-fact='balance-difference']")!.TextContent.ShouldBe("0,00\u00A0€");
    }

    [Fact]
    public async Task The_same_statement_uploaded_again_adds_nothing()
    {
        var (id, months) = await factory.PaidAccountAsync("Auszug Doppelt");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        await client.UploadStatementAsync(Url(id), Statement(months));

        var again = await client.UploadStatementAsync(Url(id), Statement(months));

        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetPageAsync(again.Location())).MainText().ShouldContain("0 neue Buchungen, 4 bereits bekannt, 0 zugeordnet.");
        (await factory.QueryAsync(db => db.BankStatements.CountAsync(s => s.SponsorshipId == id))).ShouldBe(1);
        (await factory.QueryAsync(db => db.BankEntries.CountAsync(e => e.SponsorshipId == id))).ShouldBe(4);
    }

    [Fact]
    public async Task An_unknown_debit_is_told_to_the_competence_centre_once_however_often_the_statement_comes()
    {
        var (id, months) = await factory.PaidAccountAsync("Auszug Unbekannt");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var file = Camt053(ValidIban, null, months[0], Today,
            [.. months.Select(m => RentDebit(m, Today)), new TestBooking("X1", -99m, Today, GroupIban, "Unbekannt")]);

        await client.UploadStatementAsync(Url(id), file);
        await client.UploadStatementAsync(Url(id), file);

        var key = $"bank-warnings:{id}:";
        (await factory.QueryAsync(db => db.PortalMessages.Where(m => m.EventKey.StartsWith(key)).Select(m => m.RecipientKey).ToListAsync()))
            .ShouldBe([NestPortal.Data.Notifications.PortalMessage.CompetenceCentre]);
        var mail = await factory.QueryAsync(db => db.OutgoingMails.SingleAsync(m => m.EventKey!.StartsWith(key)));
        mail.Subject.ShouldStartWith("Mietkonto der Familie NesT-");
        mail.Subject.ShouldEndWith(": eine Abweichung vom Kontoauszug");
        mail.TextBody.ShouldContain("Unbekannte Abbuchung am");
        mail.TextBody.ShouldContain($"/Escrow/Reconciliation/{id}");
    }

    [Fact]
    public async Task An_upload_without_the_antiforgery_token_is_refused_and_nothing_is_stored()
    {
        var (id, months) = await factory.PaidAccountAsync("Auszug Ohne Token");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        using var content = new MultipartFormDataContent { { new ByteArrayContent(Statement(months)), "Statement", "auszug.xml" } };

        (await client.PostAsync(Url(id), content)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await factory.QueryAsync(db => db.BankStatements.CountAsync(s => s.SponsorshipId == id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_file_with_a_dtd_is_refused_in_german_and_nothing_is_saved()
    {
        var (id, _) = await factory.PaidAccountAsync("Auszug Feindlich");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var hostile = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Banking", "Statements", "hostile-dtd.xml"));

        var response = await client.UploadStatementAsync(Url(id), hostile);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).QuerySelector("[data-fact='upload-error']")!.TextContent.ShouldContain("Dokumenttypdefinition (DTD)");
        (await factory.QueryAsync(db => db.BankStatements.CountAsync(s => s.SponsorshipId == id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_statement_of_another_account_is_refused_naming_both_ibans()
    {
        var (id, months) = await factory.PaidAccountAsync("Auszug Falsches Konto");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var response = await client.UploadStatementAsync(Url(id), Camt053(GroupIban, 0m, months[0], Today));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).QuerySelector("[data-fact='upload-error']")!.TextContent
            .ShouldContain("Der Kontoauszug gehört zum Konto DE75 5121 0800 1245 1261 99, nicht zu diesem Mietkonto");
        (await factory.QueryAsync(db => db.BankEntries.CountAsync(e => e.SponsorshipId == id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_form_without_a_file_asks_for_one()
    {
        var (id, _) = await factory.PaidAccountAsync("Auszug Ohne Datei");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var response = await client.UploadStatementAsync(Url(id), []);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).QuerySelector("[data-fact='upload-error']")!.TextContent.ShouldContain("Bitte wählen Sie einen Kontoauszug");
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.Municipality)]
    public async Task Mentors_and_municipalities_are_refused(string role)
    {
        var (id, _) = await factory.PaidAccountAsync($"Auszug Verboten {role}");
        var client = await factory.SignedInAsAsync(role);

        (await client.GetAsync(Url(id))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_unknown_account_is_not_found()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        (await client.GetAsync(Url(999_999))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
