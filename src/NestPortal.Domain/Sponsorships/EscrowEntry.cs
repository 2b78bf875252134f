using System.Globalization;

namespace NestPortal.Domain.Sponsorships;

public enum EscrowEntryKind
{
    /// <summary>Money the group paid into the account (Einzahlung), as the bank statement shows it.</summary>
    Deposit,

    /// <summary>One month's net cold rent paid to the landlord (Mietzahlung).</summary>
    RentPayment,

    /// <summary>Money paid back to the group (Rückzahlung), normally the balance at the end.</summary>
    Refund,

    /// <summary>Reverses exactly one earlier entry (Korrektur); nothing is ever edited or deleted.</summary>
    Correction,
}

/// <summary>
/// One immutable booking on a sponsorship's escrow account (Mietkonto). <see cref="Amount"/> is the
/// signed effect on the balance (a deposit adds, a payment or refund takes away, a correction takes
/// back exactly what its entry did), so the balance is the plain sum of the entries.
/// </summary>
public sealed class EscrowEntry
{
    public const int ReferenceMaxLength = 140;

    public int Id { get; private set; }
    public int SponsorshipId { get; private set; }
    public EscrowEntryKind Kind { get; private set; }
    public decimal Amount { get; private set; }

    /// <summary>The value date: when the money moved (a deposit's date on the bank statement; the day a rent was paid).</summary>
    public DateOnly ValueDate { get; private set; }

    /// <summary>The month a rent payment is for (its first day); null for every other kind.</summary>
    public DateOnly? RentMonth { get; private set; }

    /// <summary>
    /// Counts the payments for <see cref="RentMonth"/>: 1, or 2 after the first was corrected. With the
    /// month it is unique per account, so a second run or a second server cannot pay a month twice.
    /// </summary>
    public int? RentPaymentNumber { get; private set; }

    /// <summary>The bank reference (Verwendungszweck) or what the clerk wrote; SEPA allows 140 characters.</summary>
    public string Reference { get; private set; } = string.Empty;

    /// <summary>The entry this correction reverses; only for corrections.</summary>
    public int? CorrectsEntryId { get; private set; }

    /// <summary>Whether this is the correction of <paramref name="entry"/> (by reference before saving, by id after loading).</summary>
    public bool Reverses(EscrowEntry entry) =>
        ReferenceEquals(CorrectedEntry, entry) || (entry.Id != 0 && CorrectsEntryId == entry.Id);

    /// <summary>The key of the form that created the entry: a form submitted twice books once.</summary>
    public Guid? IdempotencyKey { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }
    public string RecordedByName { get; private set; } = string.Empty;

    private EscrowEntry()
    {
    }

    internal EscrowEntry(EscrowEntryKind kind, decimal amount, DateOnly valueDate, string reference, Common.Actor actor, DateTime nowUtc, Guid? idempotencyKey)
    {
        Kind = kind;
        Amount = amount;
        ValueDate = valueDate;
        Reference = reference;
        RecordedAtUtc = nowUtc;
        RecordedByName = actor.Name;
        IdempotencyKey = idempotencyKey;
    }

    internal static EscrowEntry RentPaymentFor(DateOnly month, int paymentNumber, decimal rent, DateOnly paidOn, Common.Actor actor, DateTime nowUtc) =>
        new(EscrowEntryKind.RentPayment, -rent, paidOn, string.Create(CultureInfo.InvariantCulture, $"Nettokaltmiete {month:MM/yyyy}"), actor, nowUtc, null)
        {
            RentMonth = month,
            RentPaymentNumber = paymentNumber,
        };

    internal static EscrowEntry CorrectionOf(EscrowEntry entry, string reason, DateOnly today, Common.Actor actor, DateTime nowUtc, Guid? idempotencyKey) =>
        new(EscrowEntryKind.Correction, -entry.Amount, today, reason, actor, nowUtc, idempotencyKey)
        {
            CorrectedEntry = entry,
        };

    /// <summary>The entry a correction reverses (a navigation, so a correction of an entry saved in the same call is tied to it).</summary>
    public EscrowEntry? CorrectedEntry { get; private set; }
}
