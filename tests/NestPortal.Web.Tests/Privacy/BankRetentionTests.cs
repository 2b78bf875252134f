using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Domain.Banking;
using NestPortal.Web.Authorization;
using NestPortal.Web.Privacy;
using NestPortal.Web.Reports;
using NestPortal.Web.Tests.Banking;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Banking.TestStatements;

namespace NestPortal.Web.Tests.Privacy;

/// <summary>
/// Bank data follows the sponsorship's retention (ADR 0025): when the household's data is erased, the statements lose
/// their files, the entries their counterparties and the sponsorship its landlord; amounts, dates, matches and the
/// yearly report's confirmed rent payments stay as they were.
/// </summary>
public sealed class BankRetentionTests
{
    private static DateOnly Today => TestGroups.Today;

    [Fact]
    public async Task The_erasure_blanks_the_statements_and_counterparties_and_keeps_every_figure()
    {
        await using var factory = new PortalFactory { DemoHistory = false };
        var (id, months) = await factory.PaidAccountAsync("Konto mit Aufbewahrungsende");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        // Three rent debits, then a debit of the same amount to someone else and a reversal of a rent debit, all on one day:
        // the reversal is paired by the landlord's IBAN, which the erasure removes; paired with the other debit instead, the
        // reversed month would count as confirmed again.
        var file = Camt053(TestHouseholds.ValidIban, 5_850m, months[0], Today,
            new TestBooking("D1", 7_800m, Today, GroupIban, "Mietkaution Gruppe Müller-Öztürk"),
            RentDebit(months[0], Today), RentDebit(months[1], Today), RentDebit(months[2], Today),
            new TestBooking("X1", -650m, Today, GroupIban, "Auslage Erika Muster"),
            new TestBooking("RV1", 650m, Today, LandlordIban, "Rücklastschrift Mieter 4711", Reversal: true));
        (await client.UploadStatementAsync($"/Escrow/Upload/{id}", file, "Kontoauszug Müller-Öztürk.xml")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await factory.ExecuteAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE Sponsorships SET Status = 'Completed', CompletedOn = '2022-03-31' WHERE Id = {id}"));
        var before = await EscrowFiguresAsync(factory);
        before.RentPaymentsConfirmed.ShouldBe(2, "the reversed month is not confirmed");
        var figures = await BankFiguresAsync(factory, id);

        await RunErasureAsync(factory);

        var statement = await factory.QueryAsync(db => db.BankStatements.AsNoTracking().SingleAsync(s => s.SponsorshipId == id));
        statement.Content.ShouldBeEmpty();
        statement.FileName.ShouldBe(BankStatement.ErasedFileName);
        (statement.ClosingBalance, statement.EntriesAdded).ShouldBe((5_850m, 6));
        var entries = await factory.QueryAsync(db => db.BankEntries.AsNoTracking().Where(e => e.SponsorshipId == id).ToListAsync());
        entries.ShouldAllBe(e => e.CounterpartyName == "" && e.CounterpartyIban == null && e.Reference == ""
                                 && e.EndToEndId!.StartsWith(BankEntry.ErasedEndToEndPrefix));
        (await BankFiguresAsync(factory, id)).ShouldBe(figures, "amounts, dates, keys and matches stay");
        (await factory.QueryAsync(db => db.Sponsorships.AsNoTracking().Where(s => s.Id == id).Select(s => s.Landlord).SingleAsync())).ShouldBeNull();
        (await EscrowFiguresAsync(factory)).ShouldBe(before, "the report's escrow figures, confirmed rent payments included, are the same");

        // The log says the statement and the payee changed, never what they held.
        var log = await factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityType == nameof(BankStatement) && a.EntityId == statement.Id.ToString()) || (a.EntityType == "Sponsorship" && a.EntityId == id.ToString()))
            .Select(a => a.Changes ?? "").ToListAsync());
        log.ShouldNotContain(c => c.Contains("Müller-Öztürk") || c.Contains("Mieter 4711") || c.Contains("Wohnbau") || c.Contains(LandlordIban));

        // A second run changes nothing.
        var logged = await factory.QueryAsync(db => db.AuditEntries.CountAsync());
        await RunErasureAsync(factory);
        (await factory.QueryAsync(db => db.AuditEntries.CountAsync())).ShouldBe(logged);
    }

    private static Task<List<(string Key, decimal Amount, DateOnly Booked, bool Reversal, bool Matched)>> BankFiguresAsync(PortalFactory factory, int id) =>
        factory.QueryAsync(async db => (await db.BankEntries.AsNoTracking().Where(e => e.SponsorshipId == id).OrderBy(e => e.Id)
                .Select(e => new { e.EntryKey, e.Amount, e.BookingDate, e.IsReversal, Matched = db.BankMatches.Any(m => m.BankEntryId == e.Id) })
                .ToListAsync())
            .Select(e => (e.EntryKey, e.Amount, e.BookingDate, e.IsReversal, e.Matched)).ToList());

    private static async Task<EscrowYear> EscrowFiguresAsync(PortalFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<AnnualReportQuery>().RunAsync(new ReportRequest(Today, Today.Year, Today.Year));
        return report.Years.Single(y => y.Year == Today.Year).Escrow;
    }

    private static async Task RunErasureAsync(PortalFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Erasure>().RunAsync(TestClock.Today);
    }
}
