namespace NestPortal.Domain.Banking;

/// <summary>
/// One account's statement as a bank file states it (camt.053 Stmt or camt.052 Rpt), before it is
/// stored: what the parser hands over, free of XML.
/// </summary>
public sealed record StatementData(
    string Iban,
    string StatementId,
    string MessageType,
    DateOnly? FromDate,
    DateOnly? ToDate,
    decimal? OpeningBalance,
    decimal? ClosingBalance,
    DateOnly? ClosingDate,
    IReadOnlyList<BankEntryData> Entries)
{
    /// <summary>This statement's own element as the file had it, so a file of several accounts is kept per account.</summary>
    public string? SourceXml { get; init; }
}

/// <summary>
/// One booked movement: a statement entry, or one transaction of a batch entry (several TxDtls under one
/// Ntry). <see cref="Amount"/> is signed (credit +, debit −); <see cref="Key"/> is the bank's reference
/// that recognises the same booking in an overlapping statement.
/// </summary>
public sealed record BankEntryData(
    string Key,
    decimal Amount,
    DateOnly BookingDate,
    DateOnly ValueDate,
    bool IsReversal,
    string CounterpartyName,
    string? CounterpartyIban,
    string Reference,
    string? EndToEndId);
