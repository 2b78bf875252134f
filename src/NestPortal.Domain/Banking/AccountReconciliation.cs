using System.Globalization;
using NestPortal.Domain.Common;
using NestPortal.Domain.Sponsorships;

namespace NestPortal.Domain.Banking;

/// <summary>
/// A rent account's ledger laid against its bank statements, as of <c>today</c> (ADR 0025). Everything is
/// derived from immutable records: the ledger entries, the bank entries, the matches and staff's waivers.
/// A ledger entry is confirmed when a standing match links it to a bank entry the bank has not reversed;
/// "expected" is simply not confirmed yet. Reconciliation starts with the account's first statement:
/// what the ledger booked before then is not asked for.
/// </summary>
public sealed class AccountReconciliation
{
    private readonly Sponsorship _sponsorship;
    private readonly IReadOnlyList<BankEntry> _bank;
    private readonly IReadOnlyCollection<BankMatch> _matches;
    private readonly IReadOnlyCollection<BankWaiver> _waivers;
    private readonly ReconciliationOptions _options;
    private readonly DateOnly _today;
    private readonly HashSet<int> _reversed;
    private readonly List<EscrowEntry> _ledger;

    /// <summary>The first day statements cover; null while the account has none.</summary>
    /// <summary>The sponsorship whose rent account this is.</summary>
    public Sponsorship Sponsorship => _sponsorship;

    public DateOnly? ReconciledFrom { get; }

    /// <summary>The latest statement's closing balance against the ledger; null without a closing balance.</summary>
    public BalanceCheck? Balance { get; }

    public AccountReconciliation(Sponsorship sponsorship, IEnumerable<BankEntry> bank, IReadOnlyCollection<BankMatch> matches,
        IReadOnlyCollection<BankWaiver> waivers, IEnumerable<StatementSummary> statements, ReconciliationOptions options, DateOnly today)
    {
        _sponsorship = sponsorship;
        _bank = bank.OrderBy(e => e.BookingDate).ThenBy(e => e.Id).ToList();
        _matches = matches;
        _waivers = waivers;
        _options = options;
        _today = today;
        var statementList = statements.ToList();
        ReconciledFrom = statementList.Select(s => s.FromDate).Concat(_bank.Select(e => (DateOnly?)e.BookingDate)).Min();
        _reversed = FindReversed(_bank);
        _ledger = sponsorship.Entries.Where(e => e.Kind != EscrowEntryKind.Correction && !sponsorship.IsCorrected(e)).ToList();
        if (statementList.Where(s => s.ClosingBalance is not null && s.ClosingDate is not null)
                .MaxBy(s => (s.ClosingDate, s.Id)) is { } latest)
        {
            var date = latest.ClosingDate!.Value;
            Balance = new BalanceCheck(date, latest.ClosingBalance!.Value, sponsorship.Entries.Where(e => e.ValueDate <= date).Sum(e => e.Amount));
        }
    }

    /// <summary>The bank entries that count: neither a reversal nor reversed.</summary>
    private IEnumerable<BankEntry> StandingBank => _bank.Where(e => !e.IsReversal && !_reversed.Contains(e.Id));

    /// <summary>The matches whose bank entry still stands.</summary>
    public IReadOnlyList<BankMatch> StandingMatches => _matches.Where(m => !_reversed.Contains(m.BankEntryId)).ToList();

    /// <summary>Whether the bank reversed this entry afterwards.</summary>
    public bool IsReversed(BankEntry entry) => _reversed.Contains(entry.Id);

    /// <summary>Ledger entries the statements are asked to show: standing, from the first statement on.</summary>
    private IEnumerable<EscrowEntry> InScope =>
        ReconciledFrom is { } from ? _ledger.Where(e => e.ValueDate >= from.AddDays(-_options.ToleranceDays)) : [];

    /// <summary>Ledger entries from the first statement on that no statement confirms and staff did not waive.</summary>
    public IReadOnlyList<EscrowEntry> OpenLedgerEntries
    {
        get
        {
            var confirmed = StandingMatches.Select(m => m.EscrowEntryId).ToHashSet();
            return InScope.Where(e => !confirmed.Contains(e.Id) && !IsWaived(e)).OrderBy(e => e.ValueDate).ToList();
        }
    }

    public bool IsConfirmed(EscrowEntry entry) => StandingMatches.Any(m => m.EscrowEntryId == entry.Id);

    public bool IsWaived(EscrowEntry entry) => _waivers.Any(w => w.EscrowEntryId == entry.Id);

    /// <summary>
    /// The matches the rules find between bank entries and ledger entries not matched yet (amount equal, value
    /// dates within the tolerance; a rent debit must go to the landlord's IBAN, and a reference naming the
    /// month wins). The caller stores them; finding them again afterwards finds none.
    /// </summary>
    public IReadOnlyList<BankMatch> FindNewMatches(Actor actor, DateTime nowUtc)
    {
        var standing = StandingMatches;
        var matchedBank = standing.Select(m => m.BankEntryId).ToHashSet();
        var taken = standing.Select(m => m.EscrowEntryId).Concat(_waivers.Where(w => w.EscrowEntryId is not null).Select(w => w.EscrowEntryId!.Value)).ToHashSet();
        var waivedBank = _waivers.Where(w => w.BankEntryId is not null).Select(w => w.BankEntryId!.Value).ToHashSet();
        var open = InScope.Where(e => !taken.Contains(e.Id)).ToList();
        var found = new List<BankMatch>();
        foreach (var bank in StandingBank.Where(b => !matchedBank.Contains(b.Id) && !waivedBank.Contains(b.Id)))
        {
            if (Candidate(bank, open) is not { } ledger) continue;
            open.Remove(ledger);
            found.Add(new BankMatch(_sponsorship.Id, bank.Id, ledger.Id, manual: false, actor, nowUtc));
        }

        return found;
    }

    /// <summary>Staff link a bank entry to a ledger entry the rules did not pair (a different amount, a late debit).</summary>
    public BankMatch MatchManually(int bankEntryId, int escrowEntryId, Actor actor, DateTime nowUtc)
    {
        var bank = StandingBank.FirstOrDefault(b => b.Id == bankEntryId && bankEntryId != 0)
                   ?? throw new DomainException("Diese Buchung des Kontoauszugs gehört nicht zu diesem Mietkonto oder wurde storniert.");
        var ledger = _ledger.FirstOrDefault(e => e.Id == escrowEntryId && escrowEntryId != 0)
                     ?? throw new DomainException("Diese Buchung gehört nicht zu diesem Mietkonto.");
        var standing = StandingMatches;
        if (standing.Any(m => m.BankEntryId == bank.Id))
            throw new DomainException("Diese Buchung des Kontoauszugs ist bereits zugeordnet.");
        if (standing.Any(m => m.EscrowEntryId == ledger.Id) || IsWaived(ledger))
            throw new DomainException("Diese Buchung ist bereits durch einen Kontoauszug bestätigt oder als nicht nötig vermerkt.");
        if (Math.Sign(bank.Amount) != Math.Sign(ledger.Amount))
            throw new DomainException("Eine Gutschrift kann nur eine Einzahlung bestätigen, eine Lastschrift nur eine Zahlung.");
        return new BankMatch(_sponsorship.Id, bank.Id, ledger.Id, manual: true, actor, nowUtc);
    }

    /// <summary>Staff say a ledger entry needs no statement, or a bank debit is in order, with a reason.</summary>
    public BankWaiver Waive(int? escrowEntryId, int? bankEntryId, string reason, Actor actor, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > BankWaiver.ReasonMaxLength)
            throw new DomainException("Bitte begründen Sie, warum kein Kontoauszug nötig ist (höchstens {0} Zeichen).", BankWaiver.ReasonMaxLength);
        if (escrowEntryId is { } ledgerId)
        {
            var ledger = _ledger.FirstOrDefault(e => e.Id == ledgerId && ledgerId != 0)
                         ?? throw new DomainException("Diese Buchung gehört nicht zu diesem Mietkonto.");
            if (IsConfirmed(ledger) || IsWaived(ledger))
                throw new DomainException("Diese Buchung ist bereits durch einen Kontoauszug bestätigt oder als nicht nötig vermerkt.");
            return new BankWaiver(_sponsorship.Id, ledger.Id, null, reason.Trim(), actor, nowUtc);
        }

        var bank = StandingBank.FirstOrDefault(b => b.Id == bankEntryId && bankEntryId is not 0)
                   ?? throw new DomainException("Diese Buchung des Kontoauszugs gehört nicht zu diesem Mietkonto oder wurde storniert.");
        if (StandingMatches.Any(m => m.BankEntryId == bank.Id) || _waivers.Any(w => w.BankEntryId == bank.Id))
            throw new DomainException("Diese Buchung des Kontoauszugs ist bereits zugeordnet.");
        return new BankWaiver(_sponsorship.Id, null, bank.Id, reason.Trim(), actor, nowUtc);
    }

    /// <summary>The rent months the ledger paid since reconciliation began: expected, paid at the bank, difference, state.</summary>
    public IReadOnlyList<MonthLine> Months
    {
        get
        {
            var standing = StandingMatches;
            var bankById = _bank.ToDictionary(b => b.Id);
            return InScope.Where(e => e.Kind == EscrowEntryKind.RentPayment).OrderBy(e => e.RentMonth).Select(e =>
            {
                var paid = -standing.Where(m => m.EscrowEntryId == e.Id && bankById.ContainsKey(m.BankEntryId)).Sum(m => bankById[m.BankEntryId].Amount);
                var state = standing.Any(m => m.EscrowEntryId == e.Id) ? MonthState.Confirmed
                    : IsWaived(e) ? MonthState.Waived
                    : _today > ConfirmBy(e) ? MonthState.Overdue
                    : MonthState.Expected;
                return new MonthLine(e.RentMonth!.Value, e.Id, -e.Amount, paid, state);
            }).ToList();
        }
    }

    /// <summary>Debits that are no rent, no refund and not explained by staff.</summary>
    public IReadOnlyList<BankEntry> UnknownDebits
    {
        get
        {
            var matched = StandingMatches.Select(m => m.BankEntryId).ToHashSet();
            var waived = _waivers.Where(w => w.BankEntryId is not null).Select(w => w.BankEntryId!.Value).ToHashSet();
            return StandingBank.Where(b => b.IsDebit && !matched.Contains(b.Id) && !waived.Contains(b.Id)).ToList();
        }
    }

    /// <summary>Credits no deposit explains (shown, no warning: money arriving endangers no rent).</summary>
    public IReadOnlyList<BankEntry> UnassignedCredits
    {
        get
        {
            var matched = StandingMatches.Select(m => m.BankEntryId).ToHashSet();
            var waived = _waivers.Where(w => w.BankEntryId is not null).Select(w => w.BankEntryId!.Value).ToHashSet();
            return StandingBank.Where(b => !b.IsDebit && !matched.Contains(b.Id) && !waived.Contains(b.Id)).ToList();
        }
    }

    public IReadOnlyList<ReconciliationWarning> Warnings
    {
        get
        {
            var warnings = Months.Where(m => m.State == MonthState.Overdue)
                .Select(m => new ReconciliationWarning(ReconciliationWarningKind.RentMonthUnconfirmed, m.Month, m.Expected)).ToList();
            if (Balance is { IsBelowLedger: true } balance)
                warnings.Add(new ReconciliationWarning(ReconciliationWarningKind.BankBalanceBelowLedger, balance.Date, balance.Difference));
            warnings.AddRange(UnknownDebits.Select(d => new ReconciliationWarning(ReconciliationWarningKind.UnknownDebit, d.BookingDate, d.Amount)));
            return warnings;
        }
    }

    /// <summary>
    /// The last day a rent payment may wait for its statement: the configured day of the month after the rent
    /// month, or after the month it was booked in when the ledger paid late.
    /// </summary>
    public DateOnly ConfirmBy(EscrowEntry payment)
    {
        var month = Common.Months.FirstOf(payment.RentMonth is { } rentMonth && rentMonth > payment.ValueDate ? rentMonth : payment.ValueDate);
        return month.AddMonths(1).AddDays(Math.Clamp(_options.ConfirmByDay, 1, 28) - 1);
    }

    private EscrowEntry? Candidate(BankEntry bank, List<EscrowEntry> open)
    {
        var window = open.Where(e => e.Amount == bank.Amount && Math.Abs(e.ValueDate.DayNumber - bank.ValueDate.DayNumber) <= _options.ToleranceDays);
        if (bank.Amount > 0)
            return window.Where(e => e.Kind == EscrowEntryKind.Deposit).OrderBy(e => Distance(e, bank)).FirstOrDefault();
        var landlord = _sponsorship.Landlord?.Iban.Value;
        if (landlord is not null && bank.CounterpartyIban == landlord)
        {
            var rents = open.Where(e => e.Kind == EscrowEntryKind.RentPayment && e.Amount == bank.Amount).ToList();
            // The reference naming the month ("11/2019") pairs a late or early debit with its month; otherwise the date decides.
            return rents.FirstOrDefault(e => bank.Reference.Contains(e.RentMonth!.Value.ToString("MM/yyyy", CultureInfo.InvariantCulture), StringComparison.Ordinal))
                   ?? window.Where(e => e.Kind == EscrowEntryKind.RentPayment).OrderBy(e => Distance(e, bank)).FirstOrDefault();
        }

        return window.Where(e => e.Kind == EscrowEntryKind.Refund).OrderBy(e => Distance(e, bank)).FirstOrDefault();
    }

    private static int Distance(EscrowEntry ledger, BankEntry bank) => Math.Abs(ledger.ValueDate.DayNumber - bank.ValueDate.DayNumber);

    /// <summary>
    /// Pairs each reversal with the booking it undoes: the opposite amount, the same end-to-end id when both
    /// carry one (else the same counterparty), booked on or before it; the latest such booking not yet reversed.
    /// </summary>
    public static HashSet<int> FindReversed(IReadOnlyList<BankEntry> bank) => ReversalPairs(bank).Values.ToHashSet();

    /// <summary>The pairs <see cref="FindReversed"/> finds: each paired reversal's id with the id of the booking it undoes.</summary>
    public static Dictionary<int, int> ReversalPairs(IReadOnlyList<BankEntry> bank)
    {
        var reversed = new HashSet<int>();
        var pairs = new Dictionary<int, int>();
        foreach (var reversal in bank.Where(e => e.IsReversal))
        {
            var original = bank.Where(e => !e.IsReversal && !reversed.Contains(e.Id) && e.Amount == -reversal.Amount
                                           && e.BookingDate <= reversal.BookingDate
                                           && (e.EndToEndId is not null && reversal.EndToEndId is not null
                                               ? e.EndToEndId == reversal.EndToEndId
                                               : e.CounterpartyIban == reversal.CounterpartyIban))
                .OrderByDescending(e => e.BookingDate).ThenByDescending(e => e.Id).FirstOrDefault();
            if (original is null) continue;
            reversed.Add(original.Id);
            pairs[reversal.Id] = original.Id;
        }

        return pairs;
    }
}
