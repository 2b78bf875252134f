using System.Diagnostics;
using System.Globalization;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Tests.Infrastructure;

/// <summary>
/// The suite's clock, so that no test depends on the day it runs: it starts on a fixed calendar day in
/// Germany (09:00 in Berlin) and moves on with the real elapsed time, so that timeouts, retries and
/// cookie lifetimes still behave. The day is <see cref="DefaultDay"/>, or the one named in the
/// environment variable <c>NESTPORTAL_TEST_TODAY</c> (yyyy-MM-dd): scripts/test.sh runs the dated
/// tests again at a month's first and last day, the turn of a year and 29 February.
/// </summary>
public sealed class TestClock : TimeProvider
{
    public const string Variable = "NESTPORTAL_TEST_TODAY";

    /// <summary>An ordinary mid-month weekday, after the programme's end (the portal serves history and running sponsorships).</summary>
    public static readonly DateOnly DefaultDay = new(2026, 6, 17);

    private static readonly TimeZoneInfo Germany = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private readonly DateTimeOffset _start;
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();

    public TestClock(DateOnly day)
    {
        var nineInBerlin = day.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Unspecified);
        _start = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(nineInBerlin, Germany), TimeSpan.Zero);
    }

    /// <summary>The one clock of this test run: the portals the tests start and the data they make use it.</summary>
    public static TestClock Instance { get; } = new(ConfiguredDay());

    /// <summary>The calendar day in Germany, as the portal counts it.</summary>
    public static DateOnly Today => Instance.TodayInGermany();

    /// <summary>Now, in UTC, on the suite's clock.</summary>
    public static DateTime UtcNow => Instance.GetUtcNow().UtcDateTime;

    public override DateTimeOffset GetUtcNow() => _start + _elapsed.Elapsed;

    private static DateOnly ConfiguredDay()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(configured)) return DefaultDay;
        return DateOnly.TryParseExact(configured.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new InvalidOperationException($"{Variable} must be a date as yyyy-MM-dd, not '{configured}'.");
    }
}
