namespace NestPortal.Domain.Common;

/// <summary>Rules for amounts of money: decimal euros with at most two places, never double.</summary>
public static class Euro
{
    /// <summary>A positive amount in whole cents, or the reason it is not one, naming <paramref name="what"/>.</summary>
    public static DomainError? CheckPositive(decimal amount, string what)
    {
        if (amount <= 0) return new DomainError("{0} muss größer als 0 € sein.", what);
        if (decimal.Round(amount, 2) != amount) return new DomainError("{0} darf höchstens zwei Nachkommastellen (Cent) haben.", what);
        return null;
    }
}
