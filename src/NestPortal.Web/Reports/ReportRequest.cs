namespace NestPortal.Web.Reports;

/// <summary>
/// What the yearly report is asked for: the reference date (Stichtag) and the calendar years shown.
/// Every figure counts only what happened on or before the Stichtag.
/// </summary>
public sealed record ReportRequest(DateOnly Stichtag, int FromYear, int ToYear)
{
    /// <summary>The year the programme's first arrivals came (NesT started 2019); the default first year.</summary>
    public const int FirstProgrammeYear = 2019;

    /// <summary>The default: the Stichtag today (in Germany), the years 2019 to the Stichtag's year.</summary>
    public static ReportRequest Default(DateOnly today) => new(today, FirstProgrammeYear, today.Year);

    /// <summary>The years of the range in order.</summary>
    public IReadOnlyList<int> Years => FromYear <= ToYear ? Enumerable.Range(FromYear, ToYear - FromYear + 1).ToList() : [];

    /// <summary>The first day counted: 1 January of <see cref="FromYear"/>.</summary>
    public DateOnly RangeStart => new(FromYear, 1, 1);

    /// <summary>The last day counted in the range: 31 December of <see cref="ToYear"/>, or the Stichtag if earlier.</summary>
    public DateOnly RangeEnd => new DateOnly(ToYear, 12, 31) is var end && end < Stichtag ? end : Stichtag;
}
