namespace NestPortal.Web.Tests.Infrastructure.RateLimits;

/// <summary>A clock that stands still until a test moves it: windows end when the test says, not when the machine gets there.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
