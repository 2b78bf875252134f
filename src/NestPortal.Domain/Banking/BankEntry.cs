namespace NestPortal.Domain.Banking;

/// <summary>
/// One booking on the rent account as the bank stated it, immutable. Unique per account by
/// <see cref="EntryKey"/> (the bank's reference), so it is stored once however many statements show it.
/// Whether it confirms a ledger entry is a separate <see cref="BankMatch"/>: neither side is ever edited.
/// </summary>
public sealed class BankEntry
{
    public const int KeyMaxLength = 100;
    public const int NameMaxLength = 140;
    public const int ReferenceMaxLength = 140;
    public const int EndToEndIdMaxLength = 35;

    /// <summary>How an erased entry's end-to-end id starts: what follows only says which reversal it belongs to.</summary>
    public const string ErasedEndToEndPrefix = "gelöscht-";

    public int Id { get; private set; }
    public int SponsorshipId { get; private set; }
    public int BankStatementId { get; private set; }
    public string EntryKey { get; private set; } = string.Empty;

    /// <summary>Signed: a credit adds to the account, a debit takes from it (as the ledger's amounts).</summary>
    public decimal Amount { get; private set; }

    public DateOnly BookingDate { get; private set; }
    public DateOnly ValueDate { get; private set; }

    /// <summary>The bank reversed an earlier booking with this one (RvslInd): it undoes what that booking confirmed.</summary>
    public bool IsReversal { get; private set; }

    public string CounterpartyName { get; private set; } = string.Empty;
    public string? CounterpartyIban { get; private set; }
    public string Reference { get; private set; } = string.Empty;
    public string? EndToEndId { get; private set; }

    private BankEntry()
    {
    }

    internal BankEntry(int sponsorshipId, BankEntryData data)
    {
        SponsorshipId = sponsorshipId;
        EntryKey = Cut(data.Key, KeyMaxLength);
        Amount = data.Amount;
        BookingDate = data.BookingDate;
        ValueDate = data.ValueDate;
        IsReversal = data.IsReversal;
        CounterpartyName = Cut(data.CounterpartyName, NameMaxLength);
        CounterpartyIban = data.CounterpartyIban;
        Reference = Cut(data.Reference, ReferenceMaxLength);
        EndToEndId = data.EndToEndId is null ? null : Cut(data.EndToEndId, EndToEndIdMaxLength);
    }

    /// <summary>For tests and the benchmark: an entry as if stored, with an id.</summary>
    public static BankEntry Stored(int id, int sponsorshipId, BankEntryData data) => new(sponsorshipId, data) { Id = id };

    public bool IsDebit => Amount < 0;

    /// <summary>
    /// Erases the counterparties of one account's entries when the sponsorship's retention ends (ADR 0025): names,
    /// IBANs, references and end-to-end ids go; keys, amounts, dates and the reversal flag stay, and so do the matches.
    /// A reversal is paired with the booking it undoes by the end-to-end id or the IBAN (<see cref="AccountReconciliation.FindReversed"/>),
    /// which are erased: each entry keeps a neutral end-to-end id instead, shared by a reversal and its booking and
    /// unique otherwise, so the pairing, and with it every figure counting confirmed payments, stays what it was.
    /// Running it again changes nothing. Pass all the account's entries, in the order of their ids.
    /// </summary>
    public static void EraseIdentifyingData(IReadOnlyList<BankEntry> account)
    {
        var reversalOf = AccountReconciliation.ReversalPairs(account).ToDictionary(p => p.Value, p => p.Key);
        foreach (var entry in account)
            entry.Erase(ErasedEndToEndPrefix + (reversalOf.TryGetValue(entry.Id, out var reversal) ? reversal : entry.Id));
    }

    private void Erase(string neutralEndToEndId)
    {
        CounterpartyName = string.Empty;
        CounterpartyIban = null;
        Reference = string.Empty;
        EndToEndId = neutralEndToEndId;
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
