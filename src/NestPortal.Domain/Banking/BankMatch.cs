using NestPortal.Domain.Common;

namespace NestPortal.Domain.Banking;

/// <summary>
/// Links one bank entry to the ledger entry it confirms. Written once, by the reconciliation (automatic)
/// or by staff (manual); the ledger entry itself stays untouched (ADR 0007). A match whose bank entry the
/// bank later reversed no longer confirms anything (see <see cref="AccountReconciliation"/>).
/// </summary>
public sealed class BankMatch
{
    public int Id { get; private set; }
    public int SponsorshipId { get; private set; }
    public int BankEntryId { get; private set; }
    public int EscrowEntryId { get; private set; }
    public bool Manual { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
    public string RecordedByName { get; private set; } = string.Empty;

    private BankMatch()
    {
    }

    internal BankMatch(int sponsorshipId, int bankEntryId, int escrowEntryId, bool manual, Actor actor, DateTime nowUtc)
    {
        SponsorshipId = sponsorshipId;
        BankEntryId = bankEntryId;
        EscrowEntryId = escrowEntryId;
        Manual = manual;
        RecordedAtUtc = nowUtc;
        RecordedByName = actor.Name;
    }
}

/// <summary>
/// Staff's word, with a reason, that an entry needs no counterpart: a ledger entry that no statement will
/// show ("kein Kontoauszug nötig", e.g. booked before the account existed at this bank) or a bank debit that
/// is no rent and no refund but in order (a bank fee). Written once and audited.
/// </summary>
public sealed class BankWaiver
{
    public const int ReasonMaxLength = 500;

    public int Id { get; private set; }
    public int SponsorshipId { get; private set; }
    public int? EscrowEntryId { get; private set; }
    public int? BankEntryId { get; private set; }
    public string Reason { get; private set; } = string.Empty;
    public DateTime RecordedAtUtc { get; private set; }
    public string RecordedByName { get; private set; } = string.Empty;

    private BankWaiver()
    {
    }

    internal BankWaiver(int sponsorshipId, int? escrowEntryId, int? bankEntryId, string reason, Actor actor, DateTime nowUtc)
    {
        SponsorshipId = sponsorshipId;
        EscrowEntryId = escrowEntryId;
        BankEntryId = bankEntryId;
        Reason = reason;
        RecordedAtUtc = nowUtc;
        RecordedByName = actor.Name;
    }
}
