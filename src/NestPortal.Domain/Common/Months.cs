namespace NestPortal.Domain.Common;

/// <summary>Calendar arithmetic the obligations share: months counted from the first of a month.</summary>
public static class Months
{
    public static DateOnly FirstOf(DateOnly date) => new(date.Year, date.Month, 1);

    /// <summary>
    /// The last day of a period of <paramref name="months"/> months whose first day is <paramref name="start"/>,
    /// counted as § 188 Abs. 2 and 3 BGB count it: the day before the day of the same number in the
    /// later month, or, when that month has no such day (31 January + 1 month), its last day.
    /// </summary>
    public static DateOnly EndOfPeriod(DateOnly start, int months)
    {
        var sameDay = start.AddMonths(months);
        // AddMonths clamps 31 January + 1 month to the end of February: then February's last day ends the period.
        return sameDay.Day == start.Day ? sameDay.AddDays(-1) : sameDay;
    }
}
