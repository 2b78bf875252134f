namespace NestPortal.Web.Tests.Infrastructure;

/// <summary>
/// The suite's clock (<see cref="TestClock"/>) plus a jump a test makes: an hour of a session passes in
/// one call, without waiting. For a factory of its own, so no other test's time moves.
/// </summary>
public sealed class MovableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => TestClock.Instance.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
