using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NestPortal.Web.Infrastructure.RateLimits;
using System.Threading.RateLimiting;

namespace NestPortal.Web.Tests.Infrastructure.RateLimits;

/// <summary>The window and the pair lockout on a clock the test moves.</summary>
public sealed class WindowLimiterTests
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 6, 17, 7, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_window_takes_its_permits_refuses_with_the_time_left_and_opens_again_when_it_ends()
    {
        using var limiter = new WindowLimiter(10, TimeSpan.FromMinutes(1), _clock);
        for (var i = 0; i < 10; i++) limiter.AttemptAcquire().IsAcquired.ShouldBeTrue($"permit {i + 1}");
        _clock.Advance(TimeSpan.FromSeconds(20));

        var refused = limiter.AttemptAcquire();

        refused.IsAcquired.ShouldBeFalse();
        refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter).ShouldBeTrue();
        retryAfter.ShouldBe(TimeSpan.FromSeconds(40));
        limiter.IdleDuration.ShouldBeNull("a window with counted attempts must not be dropped");
        _clock.Advance(TimeSpan.FromSeconds(40));
        limiter.IdleDuration.ShouldBe(TimeSpan.Zero);
        limiter.AttemptAcquire().IsAcquired.ShouldBeTrue();
    }

    private SignInFailures Failures(int maxPairs = 100) =>
        new(Options.Create(new RateLimitOptions { Lockout = new RateLimitOptions.PairLockoutOptions { Failures = 5, Minutes = 15, MaxPairs = maxPairs } }),
            _clock, NullLogger<SignInFailures>.Instance);

    [Fact]
    public void Five_failures_lock_the_pair_only_until_fifteen_minutes_after_the_last()
    {
        var failures = Failures();
        for (var i = 0; i < 4; i++) failures.RecordFailure("konto", "adresse-a");
        failures.IsLocked("konto", "adresse-a").ShouldBeFalse();

        failures.RecordFailure("konto", "adresse-a");

        failures.IsLocked("konto", "adresse-a").ShouldBeTrue();
        failures.IsLocked("konto", "adresse-b").ShouldBeFalse("the same account from elsewhere");
        failures.IsLocked("anderes-konto", "adresse-a").ShouldBeFalse("another account from the same address");
        _clock.Advance(TimeSpan.FromMinutes(15));
        failures.IsLocked("konto", "adresse-a").ShouldBeFalse();
    }

    [Fact]
    public void The_right_password_clears_the_pair()
    {
        var failures = Failures();
        for (var i = 0; i < 4; i++) failures.RecordFailure("konto", "adresse-a");

        failures.Clear("konto", "adresse-a");
        failures.RecordFailure("konto", "adresse-a");

        failures.IsLocked("konto", "adresse-a").ShouldBeFalse();
    }

    [Fact]
    public void No_more_pairs_than_configured_are_remembered_and_expired_ones_make_room()
    {
        var failures = Failures(maxPairs: 2);
        for (var i = 0; i < 5; i++)
        {
            failures.RecordFailure("eins", "a");
            failures.RecordFailure("zwei", "a");
            failures.RecordFailure("drei", "a");
        }

        failures.IsLocked("eins", "a").ShouldBeTrue();
        failures.IsLocked("zwei", "a").ShouldBeTrue();
        failures.IsLocked("drei", "a").ShouldBeFalse("beyond the bound a pair is not counted; the rate limits still hold");
        _clock.Advance(TimeSpan.FromMinutes(15));
        for (var i = 0; i < 5; i++) failures.RecordFailure("drei", "a");
        failures.IsLocked("drei", "a").ShouldBeTrue();
    }
}
