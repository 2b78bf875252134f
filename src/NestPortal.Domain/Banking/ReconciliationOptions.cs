namespace NestPortal.Domain.Banking;

/// <summary>
/// The reconciliation's two numbers (configuration section <c>Reconciliation</c>): how many days a bank
/// booking may lie from its ledger entry's value date and still confirm it, and by which day of the
/// following month a rent month must be confirmed by a statement before the account is warned.
/// </summary>
public sealed class ReconciliationOptions
{
    public const string Section = "Reconciliation";

    public int ToleranceDays { get; set; } = 5;
    public int ConfirmByDay { get; set; } = 10;

    /// <summary>How large an uploaded statement file may be.</summary>
    public int MaxStatementMegabytes { get; set; } = 10;
}

public enum ReconciliationWarningKind
{
    /// <summary>A rent month the ledger paid is still not shown by a statement after the confirmation day.</summary>
    RentMonthUnconfirmed,

    /// <summary>The latest statement's closing balance is below the ledger's balance on that day.</summary>
    BankBalanceBelowLedger,

    /// <summary>A debit the ledger cannot explain: no rent payment, no refund, no staff explanation.</summary>
    UnknownDebit,
}

/// <summary>One warning on an account: its kind and the month, day and amount it is about.</summary>
public sealed record ReconciliationWarning(ReconciliationWarningKind Kind, DateOnly Date, decimal Amount);

public enum MonthState
{
    /// <summary>A statement shows the payment.</summary>
    Confirmed,

    /// <summary>Staff said no statement is needed.</summary>
    Waived,

    /// <summary>Booked by the ledger, not yet shown by a statement; not yet overdue.</summary>
    Expected,

    /// <summary>Booked by the ledger, still not shown after the confirmation day.</summary>
    Overdue,
}

/// <summary>One rent month: what the ledger paid, what the bank shows, the difference and its state.</summary>
public sealed record MonthLine(DateOnly Month, int EscrowEntryId, decimal Expected, decimal PaidAtBank, MonthState State)
{
    public decimal Difference => PaidAtBank - Expected;
}

/// <summary>A statement's closing balance against the ledger's balance on the same day.</summary>
public sealed record BalanceCheck(DateOnly Date, decimal BankBalance, decimal LedgerBalance)
{
    public decimal Difference => BankBalance - LedgerBalance;
    public bool IsBelowLedger => BankBalance < LedgerBalance;
}
