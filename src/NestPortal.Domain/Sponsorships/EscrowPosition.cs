namespace NestPortal.Domain.Sponsorships;

/// <summary>
/// Where a sponsorship's escrow account stands: what came in and went out (corrected entries and their
/// corrections left out), what the rent period needs, and what is missing or left over.
/// </summary>
public sealed record EscrowPosition(
    decimal Balance,
    decimal Deposited,
    decimal RentPaid,
    decimal Refunded,
    decimal Required,
    int MonthsPaid,
    int MonthsRemaining,
    decimal RemainingRent)
{
    /// <summary>What the account has provided for rent so far: paid out plus still held.</summary>
    public decimal Funded => RentPaid + Balance;

    /// <summary>Balance less the rent still to pay; negative when the account will run dry.</summary>
    public decimal Projection => Balance - RemainingRent;

    public decimal Shortfall => Projection < 0 ? -Projection : 0;

    /// <summary>What may go back to the group now without leaving a month unpaid.</summary>
    public decimal Surplus => Projection > 0 ? Projection : 0;

    public bool IsUnderfunded => Shortfall > 0;
}
