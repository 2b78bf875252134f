using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Data.Auditing;
using NestPortal.Web.Authorization;
using NestPortal.Web.Banking;
using NestPortal.Web.Tests.Banking;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Banking.TestStatements;

namespace NestPortal.Web.Tests.Pages.Escrow;

/// <summary>The reconciliation page: months expected / paid / difference, manual matching, "no statement needed", the pain.001 file.</summary>
public sealed class ReconciliationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static DateOnly Today => TestGroups.Today;
    private static string Url(int id) => $"/Escrow/Reconciliation/{id}";
    private const string AccountIban = TestHouseholds.ValidIban;

    /// <summary>Three months paid by the ledger; the bank shows the first two, and 600 € instead of 650 € for the third.</summary>
    private async Task<(int Id, IReadOnlyList<DateOnly> Months, HttpClient Client)> AccountWithOneDifferenceAsync(string name, string? trustee = null)
    {
        var (id, months) = await factory.PaidAccountAsync(name, trustee: trustee);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var file = Camt053(AccountIban, 7_800m - 1_900m, months[0], Today,
            new TestBooking("D1", 7_800m, Today, GroupIban, "Mietkaution"), RentDebit(months[0], Today), RentDebit(months[1], Today),
            RentDebit(months[2], Today, rent: 600m));
        (await client.UploadStatementAsync($"/Escrow/Upload/{id}", file)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return (id, months, client);
    }

    [Fact]
    public async Task The_page_shows_two_months_confirmed_and_the_third_expected_with_its_difference()
    {
        var (id, months, client) = await AccountWithOneDifferenceAsync("Abgleich Differenz");

        var page = await client.GetPageAsync(Url(id));

        page.QuerySelectorAll("[data-state='Confirmed']").Length.ShouldBe(2);
        var third = page.QuerySelector($"[data-month='{months[2]:yyyy-MM}']")!;
        third.GetAttribute("data-state").ShouldBe("Expected");
        third.QuerySelector("[data-fact='difference']")!.TextContent.ShouldBe("-650,00\u00A0€");
        // The 600 € debit is unassigned; the bank holds 50 € more than the ledger, which is no warning.
        page.QuerySelectorAll("[data-bank-entry]").Length.ShouldBe(1);
        page.QuerySelector("[data-fact='balance-difference']")!.TextContent.ShouldBe("+50,00\u00A0€");
        page.MainText().ShouldContain("Unbekannte Abbuchung");
    }

    [Fact]
    public async Task Staff_match_the_different_debit_by_hand_and_the_difference_shows_audited()
    {
        var (id, months, client) = await AccountWithOneDifferenceAsync("Abgleich Von Hand");
        var page = await client.GetPageAsync(Url(id));
        var bankEntry = page.QuerySelector("[data-bank-entry]")!.GetAttribute("data-bank-entry")!;
        var payment = await factory.QueryAsync(db => db.EscrowEntries.Where(e => e.SponsorshipId == id && e.RentMonth == months[2]).Select(e => e.Id).SingleAsync());

        var response = await client.PostFormAsync(Url(id) + "?handler=Match", new Dictionary<string, string>
        {
            ["bankEntryId"] = bankEntry, ["escrowEntryId"] = payment.ToString(CultureInfo.InvariantCulture),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await client.GetPageAsync(Url(id));
        var third = after.QuerySelector($"[data-month='{months[2]:yyyy-MM}']")!;
        third.GetAttribute("data-state").ShouldBe("Confirmed");
        third.QuerySelector("[data-fact='difference']")!.TextContent.ShouldBe("-50,00\u00A0€");
        after.QuerySelector("[data-fact='reconciliation-warnings']").ShouldBeNull();
        (await factory.QueryAsync(db => db.BankMatches.SingleAsync(m => m.EscrowEntryId == payment))).Manual.ShouldBeTrue();
        (await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "BankMatch" && a.Action == AuditAction.Created))).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task No_statement_needed_without_a_reason_is_refused_in_german_and_nothing_saved()
    {
        var (id, months, client) = await AccountWithOneDifferenceAsync("Abgleich Ohne Grund");
        var payment = await factory.QueryAsync(db => db.EscrowEntries.Where(e => e.SponsorshipId == id && e.RentMonth == months[2]).Select(e => e.Id).SingleAsync());

        var response = await client.PostWithTokenAsync(Url(id) + "?handler=Waive", new Dictionary<string, string>
        {
            ["escrowEntryId"] = payment.ToString(CultureInfo.InvariantCulture), ["Reason"] = "  ",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).ShouldShowError("Bitte begründen Sie, warum kein Kontoauszug nötig ist (höchstens 500 Zeichen).");
        (await factory.QueryAsync(db => db.BankWaivers.CountAsync(w => w.SponsorshipId == id))).ShouldBe(0);
    }

    [Fact]
    public async Task No_statement_needed_with_a_reason_settles_the_month()
    {
        var (id, months, client) = await AccountWithOneDifferenceAsync("Abgleich Mit Grund");
        var payment = await factory.QueryAsync(db => db.EscrowEntries.Where(e => e.SponsorshipId == id && e.RentMonth == months[2]).Select(e => e.Id).SingleAsync());

        var response = await client.PostWithTokenAsync(Url(id) + "?handler=Waive", new Dictionary<string, string>
        {
            ["escrowEntryId"] = payment.ToString(CultureInfo.InvariantCulture), ["Reason"] = "Miete bar gezahlt, Quittung liegt vor",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await client.GetPageAsync(Url(id));
        page.QuerySelector($"[data-month='{months[2]:yyyy-MM}']")!.GetAttribute("data-state").ShouldBe("Waived");
        (await factory.QueryAsync(db => db.BankWaivers.SingleAsync(w => w.EscrowEntryId == payment))).Reason.ShouldBe("Miete bar gezahlt, Quittung liegt vor");
    }

    [Fact]
    public async Task The_credit_transfer_file_of_a_month_parses_back_with_its_sums_and_ibans()
    {
        var (id, months) = await factory.PaidAccountAsync("Abgleich Treuhand", trustee: "Caritasverband Dortmund e. V.");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var response = await client.GetAsync($"{Url(id)}?handler=CreditTransfer&month={months[1]:yyyy-MM}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"Mietzahlungen-{months[1]:yyyy-MM}.xml");
        XNamespace ns = CreditTransferFile.Namespace;
        var document = XDocument.Load(await response.Content.ReadAsStreamAsync());
        var header = document.Root!.Element(ns + "CstmrCdtTrfInitn")!.Element(ns + "GrpHdr")!;
        (header.Element(ns + "NbOfTxs")!.Value, header.Element(ns + "CtrlSum")!.Value).ShouldBe(("1", "650.00"));
        var block = document.Descendants(ns + "PmtInf").Single();
        block.Element(ns + "CtrlSum")!.Value.ShouldBe("650.00");
        block.Element(ns + "Dbtr")!.Element(ns + "Nm")!.Value.ShouldBe("Caritasverband Dortmund e. V.");
        block.Element(ns + "DbtrAcct")!.Descendants(ns + "IBAN").Single().Value.ShouldBe(AccountIban);
        var transfer = block.Element(ns + "CdtTrfTxInf")!;
        transfer.Element(ns + "Amt")!.Element(ns + "InstdAmt")!.Value.ShouldBe("650.00");
        transfer.Element(ns + "CdtrAcct")!.Descendants(ns + "IBAN").Single().Value.ShouldBe(LandlordIban);
        transfer.Descendants(ns + "Ustrd").Single().Value.ShouldBe($"Mieter 4711 Nettokaltmiete {months[1]:MM/yyyy}");
    }

    [Fact]
    public async Task Without_a_trustee_there_is_no_credit_transfer_file()
    {
        var (id, months) = await factory.PaidAccountAsync("Abgleich Ohne Treuhand");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        (await client.GetAsync($"{Url(id)}?handler=CreditTransfer&month={months[0]:yyyy-MM}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.Administrator)]
    public async Task Other_roles_are_refused(string role)
    {
        var (id, _) = await factory.PaidAccountAsync($"Abgleich Verboten {role}");
        var client = await factory.SignedInAsAsync(role);

        (await client.GetAsync(Url(id))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_yearly_reports_escrow_figures_count_the_rent_payments_a_statement_confirms()
    {
        var before = await ConfirmedThisYearAsync();
        await AccountWithOneDifferenceAsync("Abgleich Erfolgsbilanz");

        var after = await ConfirmedThisYearAsync();

        // Three rent payments booked today, two confirmed by the statement (the 600 € debit is not).
        (after.Confirmed - before.Confirmed, after.Total - before.Total).ShouldBe((2, 3));
    }

    private async Task<(int Confirmed, int Total)> ConfirmedThisYearAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var query = scope.ServiceProvider.GetRequiredService<NestPortal.Web.Reports.AnnualReportQuery>();
        var report = await query.RunAsync(new NestPortal.Web.Reports.ReportRequest(Today, Today.Year, Today.Year));
        var escrow = report.Years.Single(y => y.Year == Today.Year).Escrow;
        return (escrow.RentPaymentsConfirmed, escrow.RentPayments);
    }
}
