using NestPortal.Domain.Banking;
using NestPortal.Domain.Common;
using NestPortal.Domain.Sponsorships;
using NestPortal.Domain.Tests.Builders;
using NestPortal.Domain.Tests.Sponsorships;
using static NestPortal.Domain.Tests.Builders.Dates;

namespace NestPortal.Domain.Tests.Banking;

/// <summary>
/// The ledger laid against the bank with a fixed clock: a pilot account (650 € a month, November 2019 to
/// October 2021) whose rent the ledger pays on the first and the bank debits on the second.
/// </summary>
public class ReconciliationTests
{
    private static readonly Actor Clerk = GroupBuilder.Staff;
    private static readonly DateTime Now = new(2021, 11, 20, 9, 0, 0, DateTimeKind.Utc);
    private static readonly ReconciliationOptions Options = new() { ToleranceDays = 5, ConfirmByDay = 10 };
    private const string Landlord = LandlordPayeeTests.LandlordIban;

    private readonly Sponsorship _account = EscrowLedgerTests.Pilot();
    private readonly List<BankEntry> _bank = [];
    private readonly List<BankMatch> _matches = [];
    private readonly List<BankWaiver> _waivers = [];
    private readonly List<StatementSummary> _statements = [];
    private BankStatement _last = null!;

    public ReconciliationTests()
    {
        _account.SetPayee(LandlordPayee.Create("Wohnbau Dortmund eG", Landlord, "Mieter 4711"), null);
        _account.RecordDeposit(15_600m, Day("2019-10-30"), "Mietkaution Gruppe", Day("2019-10-30"), Clerk, Now);
    }

    /// <summary>The ledger pays months up to <paramref name="last"/> on each month's first day; ids as the database gives them.</summary>
    private void PayThrough(DateOnly last)
    {
        foreach (var month in _account.RentMonthList.Where(m => m <= last && !_account.IsRentPaidFor(m)))
            _account.PayRent(month, month, Clerk, Now);
        var id = 1;
        foreach (var entry in _account.Entries) EntityIds.Assign(entry, id++);
    }

    private static BankEntryData Debit(string key, DateOnly day, decimal amount, string reference, string iban = Landlord, bool reversal = false) =>
        new(key, -amount, day, day, reversal, "Wohnbau Dortmund eG", iban, reference, "E2E-" + key);

    private void Statement(DateOnly from, DateOnly to, decimal? closing, params BankEntryData[] entries)
    {
        var known = _bank.Select(b => b.EntryKey).ToHashSet();
        var statement = BankStatement.Receive(0, new StatementData(MatchBuilder.ValidIban, "S" + _statements.Count, "camt.053.001.08",
            from, to, null, closing, to, entries), "auszug.xml", [], known, Clerk, Now);
        _last = statement;
        _statements.Add(statement.Summary);
        foreach (var entry in statement.Entries)
            _bank.Add(BankEntry.Stored(_bank.Count + 1, 0, new BankEntryData(entry.EntryKey, entry.Amount, entry.BookingDate, entry.ValueDate,
                entry.IsReversal, entry.CounterpartyName, entry.CounterpartyIban, entry.Reference, entry.EndToEndId)));
    }

    private AccountReconciliation Reconcile(DateOnly today)
    {
        var reconciliation = new AccountReconciliation(_account, _bank, _matches, _waivers, _statements, Options, today);
        var found = reconciliation.FindNewMatches(Clerk, Now);
        _matches.AddRange(found);
        return new AccountReconciliation(_account, _bank, _matches, _waivers, _statements, Options, today);
    }

    private static BankEntryData RentDebit(DateOnly month) =>
        Debit("R" + month.ToString("yyyyMM"), month.AddDays(1), 650m, $"Mieter 4711 Nettokaltmiete {month:MM/yyyy}");

    [Fact]
    public void Twenty_four_months_and_the_deposit_are_confirmed_and_nothing_is_warned()
    {
        PayThrough(Day("2021-10-01"));
        Statement(Day("2019-10-01"), Day("2021-10-31"), 0m,
            [new("D1", 15_600m, Day("2019-10-30"), Day("2019-10-30"), false, "Gruppe Phoenixsee", "DE75512108001245126199", "Mietkaution", null),
             .. _account.RentMonthList.Select(RentDebit)]);

        var result = Reconcile(Day("2021-11-20"));

        result.Months.Count.ShouldBe(24);
        result.Months.ShouldAllBe(m => m.State == MonthState.Confirmed && m.Difference == 0m);
        result.IsConfirmed(_account.Entries.First()).ShouldBeTrue();
        result.Balance!.LedgerBalance.ShouldBe(0m);
        result.Warnings.ShouldBeEmpty();
        _matches.Count.ShouldBe(25);
        Reconcile(Day("2021-11-20")).FindNewMatches(Clerk, Now).ShouldBeEmpty();
    }

    [Fact]
    public void A_month_the_bank_does_not_show_is_warned_the_day_after_the_confirmation_day()
    {
        PayThrough(Day("2020-03-01"));
        Statement(Day("2019-10-01"), Day("2020-02-29"), 15_600m - 3 * 650m,
            [.. _account.RentMonthList.Where(m => m < Day("2020-03-01") && m != Day("2020-02-01")).Select(RentDebit)]);

        var onTheDay = Reconcile(Day("2020-03-10"));
        var dayAfter = Reconcile(Day("2020-03-11"));

        onTheDay.Months.Single(m => m.Month == Day("2020-02-01")).State.ShouldBe(MonthState.Expected);
        onTheDay.Warnings.ShouldNotContain(w => w.Kind == ReconciliationWarningKind.RentMonthUnconfirmed);
        var february = dayAfter.Months.Single(m => m.Month == Day("2020-02-01"));
        february.State.ShouldBe(MonthState.Overdue);
        february.Difference.ShouldBe(-650m);
        dayAfter.Warnings.ShouldContain(new ReconciliationWarning(ReconciliationWarningKind.RentMonthUnconfirmed, Day("2020-02-01"), 650m));
        // March is booked but its day is 10 April: expected, not warned.
        dayAfter.Months.Single(m => m.Month == Day("2020-03-01")).State.ShouldBe(MonthState.Expected);
        // The bank holds 650 € more than the ledger (February's rent did not leave): no balance warning for more money.
        dayAfter.Balance!.IsBelowLedger.ShouldBeFalse();
    }

    [Fact]
    public void A_reversal_undoes_the_match_and_the_month_is_unconfirmed_again()
    {
        PayThrough(Day("2019-12-01"));
        Statement(Day("2019-11-01"), Day("2019-11-30"), null, RentDebit(Day("2019-11-01")));
        Reconcile(Day("2019-11-30")).Months.Single(m => m.Month == Day("2019-11-01")).State.ShouldBe(MonthState.Confirmed);

        var reversal = Debit("RV1", Day("2019-11-05"), -650m, "Rücklastschrift Nettokaltmiete 11/2019", reversal: true) with { EndToEndId = "E2E-R201911" };
        Statement(Day("2019-11-05"), Day("2019-12-31"), null, reversal, RentDebit(Day("2019-12-01")));
        var result = Reconcile(Day("2019-12-31"));

        result.Months.Single(m => m.Month == Day("2019-11-01")).State.ShouldBe(MonthState.Overdue);
        result.Months.Single(m => m.Month == Day("2019-11-01")).PaidAtBank.ShouldBe(0m);
        result.Months.Single(m => m.Month == Day("2019-12-01")).State.ShouldBe(MonthState.Confirmed);
        result.UnknownDebits.ShouldBeEmpty();
        result.StandingMatches.Count.ShouldBe(1);
    }

    [Fact]
    public void Erasing_the_counterparties_keeps_every_figure_and_which_reversal_undoes_which_booking()
    {
        PayThrough(Day("2019-12-01"));
        // Without end-to-end ids a reversal is paired by the IBAN: the landlord's, not the later debit to someone else.
        Statement(Day("2019-11-01"), Day("2019-11-30"), null,
            RentDebit(Day("2019-11-01")) with { EndToEndId = null },
            Debit("X1", Day("2019-11-03"), 650m, "Umzug Familie Haddad", iban: "DE75512108001245126199") with { CounterpartyName = "Hamid Haddad", EndToEndId = null },
            Debit("RV1", Day("2019-11-05"), -650m, "Rücklastschrift Nettokaltmiete 11/2019", reversal: true) with { EndToEndId = null },
            RentDebit(Day("2019-12-01")));
        var before = Reconcile(Day("2019-12-31"));
        var reversed = AccountReconciliation.FindReversed(_bank);
        reversed.ShouldBe([_bank.Single(b => b.EntryKey == "R201911").Id]);
        var figures = _bank.Select(b => (b.Id, b.EntryKey, b.Amount, b.BookingDate, b.ValueDate, b.IsReversal)).ToList();

        BankEntry.EraseIdentifyingData(_bank);

        _bank.ShouldAllBe(b => b.CounterpartyName == "" && b.CounterpartyIban == null && b.Reference == ""
                               && b.EndToEndId!.StartsWith(BankEntry.ErasedEndToEndPrefix));
        _bank.Select(b => (b.Id, b.EntryKey, b.Amount, b.BookingDate, b.ValueDate, b.IsReversal)).ShouldBe(figures);
        AccountReconciliation.FindReversed(_bank).ShouldBe(reversed, "the reversal still undoes the rent debit, not the later debit of the same amount");
        var after = new AccountReconciliation(_account, _bank, _matches, _waivers, _statements, Options, Day("2019-12-31"));
        after.Months.Select(m => (m.Month, m.State, m.PaidAtBank)).ShouldBe(before.Months.Select(m => (m.Month, m.State, m.PaidAtBank)));
        after.StandingMatches.Count.ShouldBe(before.StandingMatches.Count);

        var erased = _bank.Select(b => b.EndToEndId).ToList();
        BankEntry.EraseIdentifyingData(_bank);
        _bank.Select(b => b.EndToEndId).ShouldBe(erased, "a second erasure changes nothing");
    }

    [Fact]
    public void Erasing_a_statement_removes_its_file_and_name_and_keeps_its_balances()
    {
        var statement = BankStatement.Receive(7, new StatementData(MatchBuilder.ValidIban, "S1", "camt.053.001.08", Day("2019-11-01"), Day("2019-11-30"),
            15_600m, 14_950m, Day("2019-11-30"), [RentDebit(Day("2019-11-01"))]), "Auszug Familie Haddad.xml", [1, 2, 3], new HashSet<string>(), Clerk, Now);

        statement.EraseIdentifyingData();

        statement.Content.ShouldBeEmpty();
        statement.FileName.ShouldBe(BankStatement.ErasedFileName);
        (statement.Iban, statement.FromDate, statement.ToDate, statement.OpeningBalance, statement.ClosingBalance, statement.EntriesAdded)
            .ShouldBe((MatchBuilder.ValidIban, Day("2019-11-01"), Day("2019-11-30"), 15_600m, (decimal?)14_950m, 1));

        statement.EraseIdentifyingData();
        statement.FileName.ShouldBe(BankStatement.ErasedFileName);
    }

    [Fact]
    public void An_overlapping_second_statement_adds_nothing_and_changes_no_figure()
    {
        PayThrough(Day("2020-01-01"));
        var entries = _account.RentMonthList.Take(3).Select(RentDebit).ToArray();
        Statement(Day("2019-11-01"), Day("2020-01-31"), 15_600m - 3 * 650m, entries);
        var before = Reconcile(Day("2020-02-20"));

        Statement(Day("2019-12-01"), Day("2020-01-31"), 15_600m - 3 * 650m, entries[1..]);
        var after = Reconcile(Day("2020-02-20"));

        _last.EntriesAdded.ShouldBe(0);
        _last.EntriesAlreadyKnown.ShouldBe(2);
        _bank.Count.ShouldBe(3);
        _matches.Count.ShouldBe(3);
        after.Months.ShouldBe(before.Months);
    }

    [Fact]
    public void A_debit_to_someone_else_is_an_unknown_debit_until_staff_explain_it()
    {
        PayThrough(Day("2019-11-01"));
        Statement(Day("2019-11-01"), Day("2019-11-30"), 15_600m - 650m - 7.5m,
            RentDebit(Day("2019-11-01")), Debit("FEE", Day("2019-11-30"), 7.5m, "Kontoführung", iban: "DE75512108001245126199"));
        var result = Reconcile(Day("2019-12-01"));

        result.UnknownDebits.Single().Amount.ShouldBe(-7.5m);
        result.Warnings.Select(w => w.Kind).ShouldBe([ReconciliationWarningKind.BankBalanceBelowLedger, ReconciliationWarningKind.UnknownDebit]);
        result.Balance!.Difference.ShouldBe(-7.5m);

        _waivers.Add(result.Waive(null, result.UnknownDebits.Single().Id, "Kontoführungsgebühr der Bank", Clerk, Now));
        Reconcile(Day("2019-12-01")).UnknownDebits.ShouldBeEmpty();
    }

    [Fact]
    public void Staff_match_a_different_amount_by_hand_and_the_difference_shows()
    {
        PayThrough(Day("2019-11-01"));
        Statement(Day("2019-11-01"), Day("2019-11-30"), null, Debit("PART", Day("2019-11-03"), 600m, "Mieter 4711"));
        var result = Reconcile(Day("2019-12-20"));
        result.Months.Single().State.ShouldBe(MonthState.Overdue);

        _matches.Add(result.MatchManually(result.UnknownDebits.Single().Id, result.Months.Single().EscrowEntryId, Clerk, Now));
        var line = Reconcile(Day("2019-12-20")).Months.Single();

        line.State.ShouldBe(MonthState.Confirmed);
        line.Difference.ShouldBe(50m - 100m);
        _matches.Single().Manual.ShouldBeTrue();
    }

    [Fact]
    public void No_statement_needed_needs_a_reason_and_stops_the_warning()
    {
        PayThrough(Day("2019-11-01"));
        Statement(Day("2019-11-01"), Day("2019-11-30"), null);
        var result = Reconcile(Day("2019-12-20"));
        var payment = result.Months.Single().EscrowEntryId;

        Should.Throw<DomainException>(() => result.Waive(payment, null, " ", Clerk, Now)).Message.ShouldContain("begründen");
        _waivers.Add(result.Waive(payment, null, "Miete bar an die Vermieterin gezahlt (Quittung liegt vor)", Clerk, Now));

        var after = Reconcile(Day("2019-12-20"));
        after.Months.Single().State.ShouldBe(MonthState.Waived);
        after.Warnings.ShouldBeEmpty();
    }
}
