namespace NestPortal.Domain.Common;

/// <summary>Calendar arithmetic the obligations share: months counted from the first of a month.</summary>
public static class Months
{
    public static DateOnly FirstOf(DateOnly date) => new(date.Year, date.Month, 1);

    /// <summary>The last day of a period of <paramref name="months"/> months starting on <paramref name="start"/>.</summary>
    public static DateOnly EndOfPeriod(DateOnly start, int months) => start.AddMonths(months).AddDays(-1);
}
