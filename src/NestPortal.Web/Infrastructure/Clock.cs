namespace NestPortal.Web.Infrastructure;

public static class Clock
{
    private static readonly TimeZoneInfo Germany = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>"Today" is the calendar day in Germany, where the programme runs, whatever the server's zone.</summary>
    public static DateOnly TodayInGermany(this TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Germany).DateTime);

    public static DateTime UtcNow(this TimeProvider time) => time.GetUtcNow().UtcDateTime;

    /// <summary>A stored UTC time as people in Germany read it, whatever the server's zone.</summary>
    public static DateTime InGermany(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Germany);

    /// <summary>A stored UTC time as German local time with its offset (+01:00 or +02:00), for exports read elsewhere.</summary>
    public static DateTimeOffset InGermanyWithOffset(DateTime utc) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), Germany);

    /// <summary>The German calendar day of a stored UTC time.</summary>
    public static DateOnly DayInGermany(DateTime utc) => DateOnly.FromDateTime(InGermany(utc));

    /// <summary>The UTC instant a German calendar day begins (midnight in Berlin), for searching UTC timestamps by German dates.</summary>
    public static DateTime StartOfDayInGermanyUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Germany);
}
