using NestPortal.Domain.Common;

namespace NestPortal.Domain.Sponsorships;

/// <summary>
/// The escrow account's ledger (Mietkonto): deposits, one rent payment per month, refunds and
/// corrections, all immutable, and rent changes. Every booking changes the sponsorship's concurrency
/// stamp, so two people booking on the same account at once cannot both save on a stale balance.
/// </summary>
public sealed partial class Sponsorship
{
    /// <summary>No single booking on a rent account comes near this; a larger figure is a typing mistake.</summary>
    public const decimal MaximumAmount = 1_000_000m;

    private readonly List<EscrowEntry> _entries = [];
    private readonly List<RentChange> _rentChanges = [];

    public IReadOnlyCollection<EscrowEntry> Entries => _entries.AsReadOnly();
    public IReadOnlyCollection<RentChange> RentChanges => _rentChanges.AsReadOnly();

    /// <summary>When staff confirmed the account holds the full rent, so the household may arrive.</summary>
    public DateOnly? ReadyForArrivalOn { get; private set; }

    public decimal Balance => _entries.Sum(e => e.Amount);

    /// <summary>The balance as of the last change, stored so lists and reports can filter and sum without the entries.</summary>
    public decimal EscrowBalance { get; private set; }

    /// <summary>The shortfall as of the last change (see <see cref="EscrowPosition.Shortfall"/>), stored for the same reason.</summary>
    public decimal EscrowShortfall { get; private set; }

    /// <summary>The months rent is paid for, from the lease-start month.</summary>
    public IEnumerable<DateOnly> RentMonthList => Enumerable.Range(0, RentMonths).Select(i => RentFirstMonth.AddMonths(i));

    /// <summary>The rent for a month: the latest change effective by then, else the flat's rent at matching.</summary>
    public decimal RentFor(DateOnly month) =>
        _rentChanges.Where(c => c.EffectiveMonth <= month).OrderBy(c => c.EffectiveMonth).ThenBy(c => c.RecordedAtUtc)
            .LastOrDefault()?.MonthlyNetColdRent ?? Apartment.MonthlyNetColdRent;

    public bool IsCorrected(EscrowEntry entry) => CorrectedEntries().Contains(entry);

    public bool IsRentPaidFor(DateOnly month) => PaidMonths().Contains(month);

    /// <summary>The rent months due by <paramref name="today"/> (rent is due on the month's first day) and not paid.</summary>
    public IReadOnlyList<DateOnly> UnpaidDueMonths(DateOnly today)
    {
        var paid = PaidMonths();
        return RentMonthList.Where(m => m <= today && !paid.Contains(m)).ToList();
    }

    public EscrowPosition Position
    {
        get
        {
            var corrected = CorrectedEntries();
            var standing = _entries.Where(e => e.Kind != EscrowEntryKind.Correction && !corrected.Contains(e)).ToList();
            decimal Sum(EscrowEntryKind kind) => standing.Where(e => e.Kind == kind).Sum(e => e.Amount);
            var paid = standing.Where(e => e.Kind == EscrowEntryKind.RentPayment).Select(e => e.RentMonth!.Value).ToHashSet();
            var unpaid = RentMonthList.Where(m => !paid.Contains(m)).ToList();
            return new EscrowPosition(
                Balance,
                Deposited: Sum(EscrowEntryKind.Deposit),
                RentPaid: -Sum(EscrowEntryKind.RentPayment),
                Refunded: -Sum(EscrowEntryKind.Refund),
                Required: RentMonthList.Sum(RentFor),
                MonthsPaid: RentMonths - unpaid.Count,
                MonthsRemaining: unpaid.Count,
                RemainingRent: unpaid.Sum(RentFor));
        }
    }

    /// <summary>The entries some correction reverses: by reference before saving, by id once loaded.</summary>
    private HashSet<EscrowEntry> CorrectedEntries()
    {
        var corrected = new HashSet<EscrowEntry>(ReferenceEqualityComparer.Instance);
        Dictionary<int, EscrowEntry>? byId = null;
        foreach (var correction in _entries.Where(e => e.Kind == EscrowEntryKind.Correction))
        {
            if (correction.CorrectedEntry is { } entry) corrected.Add(entry);
            else if (correction.CorrectsEntryId is { } id)
            {
                byId ??= _entries.Where(e => e.Id != 0).ToDictionary(e => e.Id);
                if (byId.TryGetValue(id, out var loaded)) corrected.Add(loaded);
            }
        }

        return corrected;
    }

    /// <summary>The months with a standing (not corrected) rent payment.</summary>
    private HashSet<DateOnly> PaidMonths()
    {
        var corrected = CorrectedEntries();
        return _entries.Where(e => e.Kind == EscrowEntryKind.RentPayment && !corrected.Contains(e)).Select(e => e.RentMonth!.Value).ToHashSet();
    }

    /// <summary>Records a deposit the bank statement shows. A form's key seen before books nothing again.</summary>
    public EscrowEntry RecordDeposit(decimal amount, DateOnly valueDate, string bankReference, DateOnly today, Actor actor, DateTime nowUtc, Guid? idempotencyKey = null)
    {
        if (FindByKey(idempotencyKey) is { } earlier) return earlier;
        var errors = new List<DomainError>();
        CheckRunning(errors);
        CheckAmount(amount, "Der Betrag der Einzahlung", errors);
        if (valueDate > today)
            errors.Add(new DomainError("Das Wertstellungsdatum ({0:dd.MM.yyyy}) liegt in der Zukunft; erfassen Sie nur, was der Kontoauszug zeigt.", valueDate));
        else if (valueDate < today.AddYears(-10))
            errors.Add(new DomainError("Das Wertstellungsdatum ({0:dd.MM.yyyy}) liegt mehr als zehn Jahre zurück.", valueDate));
        var reference = CheckReference(bankReference, new DomainError("Bitte geben Sie den Verwendungszweck oder die Bankreferenz an (höchstens {0} Zeichen).", EscrowEntry.ReferenceMaxLength), errors);
        if (errors.Count > 0) throw new DomainException(errors);
        return Book(new EscrowEntry(EscrowEntryKind.Deposit, amount, valueDate, reference, actor, nowUtc, idempotencyKey));
    }

    /// <summary>Pays one due month's rent to the landlord; refused when the month is not due, already paid, or not covered by the balance.</summary>
    public EscrowEntry PayRent(DateOnly month, DateOnly today, Actor actor, DateTime nowUtc)
    {
        var errors = new List<DomainError>();
        CheckRunning(errors);
        if (month.Day != 1 || !RentMonthList.Contains(month))
            errors.Add(new DomainError("Für {0:MM/yyyy} wird aus diesem Konto keine Miete gezahlt.", month));
        else if (month > today)
            errors.Add(new DomainError("Die Miete für {0:MM/yyyy} ist noch nicht fällig.", month));
        else if (IsRentPaidFor(month))
            errors.Add(new DomainError("Die Miete für {0:MM/yyyy} ist bereits gezahlt.", month));
        else if (RentFor(month) > Balance)
            errors.Add(new DomainError("Das Guthaben von {0:N2} € reicht für die Miete für {1:MM/yyyy} ({2:N2} €) nicht aus.", Balance, month, RentFor(month)));
        if (errors.Count > 0) throw new DomainException(errors);

        var number = _entries.Count(e => e.Kind == EscrowEntryKind.RentPayment && e.RentMonth == month) + 1;
        return Book(EscrowEntry.RentPaymentFor(month, number, RentFor(month), today, actor, nowUtc));
    }

    /// <summary>Pays money back to the group: at most what the remaining rent does not need (at the end, the whole balance).</summary>
    public EscrowEntry Refund(decimal amount, string reference, DateOnly today, Actor actor, DateTime nowUtc, Guid? idempotencyKey = null)
    {
        if (FindByKey(idempotencyKey) is { } earlier) return earlier;
        var errors = new List<DomainError>();
        CheckRunning(errors);
        CheckAmount(amount, "Der Betrag der Rückzahlung", errors);
        var text = CheckReference(reference, new DomainError("Bitte geben Sie einen Verwendungszweck an (höchstens {0} Zeichen).", EscrowEntry.ReferenceMaxLength), errors);
        var surplus = Position.Surplus;
        if (errors.Count == 0 && amount > surplus)
            errors.Add(new DomainError("Es können höchstens {0:N2} € zurückgezahlt werden; der Rest des Guthabens wird für die noch offene Miete gebraucht.", surplus));
        if (errors.Count > 0) throw new DomainException(errors);
        return Book(new EscrowEntry(EscrowEntryKind.Refund, -amount, today, text, actor, nowUtc, idempotencyKey));
    }

    /// <summary>Reverses one entry of this account, found by its id (a tampered id finds nothing).</summary>
    public EscrowEntry Correct(int entryId, string reason, DateOnly today, Actor actor, DateTime nowUtc, Guid? idempotencyKey = null) =>
        Correct(_entries.FirstOrDefault(e => e.Id == entryId && entryId != 0)
            ?? throw new DomainException("Diese Buchung gehört nicht zu diesem Mietkonto."), reason, today, actor, nowUtc, idempotencyKey);

    /// <summary>Reverses exactly one entry with an entry of the opposite amount that names it.</summary>
    public EscrowEntry Correct(EscrowEntry entry, string reason, DateOnly today, Actor actor, DateTime nowUtc, Guid? idempotencyKey = null)
    {
        if (FindByKey(idempotencyKey) is { } earlier) return earlier;
        var errors = new List<DomainError>();
        CheckRunning(errors);
        var text = CheckReference(reason, new DomainError("Bitte begründen Sie die Korrektur (höchstens {0} Zeichen).", EscrowEntry.ReferenceMaxLength), errors);
        if (!_entries.Contains(entry))
            errors.Add(new DomainError("Diese Buchung gehört nicht zu diesem Mietkonto."));
        else if (entry.Kind == EscrowEntryKind.Correction)
            errors.Add(new DomainError("Eine Korrektur kann nicht korrigiert werden; buchen Sie den richtigen Betrag neu."));
        else if (IsCorrected(entry))
            errors.Add(new DomainError("Diese Buchung ist bereits korrigiert."));
        else if (Balance - entry.Amount < 0)
            errors.Add(new DomainError("Die Korrektur würde das Guthaben von {0:N2} € unter null bringen.", Balance));
        if (errors.Count > 0) throw new DomainException(errors);
        return Book(EscrowEntry.CorrectionOf(entry, text, today, actor, nowUtc, idempotencyKey));
    }

    /// <summary>Records a new monthly rent from a month within the rent period that is not paid yet.</summary>
    /// <returns>The position afterwards, so the caller can warn of a shortfall.</returns>
    public EscrowPosition ChangeRent(DateOnly effectiveMonth, decimal monthlyNetColdRent, Actor actor, DateTime nowUtc)
    {
        var errors = new List<DomainError>();
        CheckRunning(errors);
        CheckAmount(monthlyNetColdRent, "Die neue Nettokaltmiete", errors);
        var month = Months.FirstOf(effectiveMonth);
        if (RentMonths == 0)
            errors.Add(new DomainError("Aus diesem Konto wird keine Miete gezahlt; eine Mietänderung ist nicht nötig."));
        else if (month < RentFirstMonth)
            errors.Add(new DomainError("Die Mietänderung ({0:MM/yyyy}) liegt vor dem Mietbeginn ({1:MM/yyyy}).", month, RentFirstMonth));
        else if (month > LastRentMonth)
            errors.Add(new DomainError("Die Mietänderung ({0:MM/yyyy}) liegt nach dem letzten Monat, für den Miete gezahlt wird ({1:MM/yyyy}).", month, LastRentMonth!.Value));
        else if (PaidMonths().Any(m => m >= month))
            errors.Add(new DomainError("Die Miete ab {0:MM/yyyy} ist bereits gezahlt; eine Änderung kann erst für den ersten noch offenen Monat gelten.", month));
        if (errors.Count > 0) throw new DomainException(errors);

        _rentChanges.Add(new RentChange(month, monthlyNetColdRent, actor, nowUtc));
        Touch();
        return Position;
    }

    /// <summary>Confirms the account holds the full rent, so the household may arrive; refused (saying how much is missing) while it does not.</summary>
    public void MarkReadyForArrival(DateOnly today)
    {
        var position = Position;
        if (Status != SponsorshipStatus.Running)
            throw new DomainException("Eine abgeschlossene Mentoring-Übernahme kann nicht mehr geändert werden.");
        if (position.IsUnderfunded)
            throw new DomainException("Das Mietkonto ist noch nicht ausreichend gedeckt: Es fehlen {0:N2} € ({1:N2} € von {2:N2} €).",
                position.Shortfall, position.Funded, position.Required);
        ReadyForArrivalOn = today;
        Touch();
    }

    private EscrowEntry? FindByKey(Guid? key) => key is null ? null : _entries.FirstOrDefault(e => e.IdempotencyKey == key);

    private EscrowEntry Book(EscrowEntry entry)
    {
        _entries.Add(entry);
        Touch();
        return entry;
    }

    /// <summary>Every change: a new concurrency stamp, and the stored balance and shortfall brought up to date.</summary>
    private void Touch()
    {
        ConcurrencyStamp = Guid.NewGuid();
        EscrowBalance = Balance;
        EscrowShortfall = Position.Shortfall;
    }

    private void CheckRunning(List<DomainError> errors)
    {
        if (Status != SponsorshipStatus.Running)
            errors.Add(new DomainError("Eine abgeschlossene Mentoring-Übernahme kann nicht mehr geändert werden."));
    }

    private static void CheckAmount(decimal amount, string what, List<DomainError> errors)
    {
        if (Euro.CheckPositive(amount, what) is { } error) errors.Add(error);
        else if (amount > MaximumAmount)
            errors.Add(new DomainError("{0} ist mit {1:N2} € nicht plausibel (höchstens {2:N2} €).", what, amount, MaximumAmount));
    }

    private static string CheckReference(string? text, DomainError whenMissing, List<DomainError> errors)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > EscrowEntry.ReferenceMaxLength)
        {
            errors.Add(whenMissing);
            return string.Empty;
        }

        return text.Trim();
    }
}
