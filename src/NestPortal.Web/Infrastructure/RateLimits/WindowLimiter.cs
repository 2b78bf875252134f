using System.Threading.RateLimiting;

namespace NestPortal.Web.Infrastructure.RateLimits;

/// <summary>
/// A fixed window on the portal's clock: <c>permitLimit</c> attempts from the first one until the window
/// ends, then a new window. The framework's FixedWindowRateLimiter keeps its own stopwatch; this one
/// reads <see cref="TimeProvider"/>, so a refusal says exactly when the window ends (Retry-After) and the
/// tests can move the clock instead of waiting. No queue: a refused form is answered at once.
/// </summary>
public sealed class WindowLimiter(int permitLimit, TimeSpan window, TimeProvider time) : RateLimiter
{
    private readonly Lock _lock = new();
    private DateTimeOffset _windowEnds = DateTimeOffset.MinValue;
    private int _used;

    /// <summary>Idle once its window is over: the partitioned limiter then drops it, so partitions do not pile up.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                var now = time.GetUtcNow();
                return now >= _windowEnds ? now - (_windowEnds == DateTimeOffset.MinValue ? now : _windowEnds) : null;
            }
        }
    }

    public override RateLimiterStatistics GetStatistics()
    {
        lock (_lock)
        {
            var open = time.GetUtcNow() < _windowEnds;
            return new RateLimiterStatistics { CurrentAvailablePermits = open ? Math.Max(0, permitLimit - _used) : permitLimit };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (now >= _windowEnds)
            {
                _windowEnds = now + window;
                _used = 0;
            }

            if (_used + permitCount <= permitLimit)
            {
                _used += permitCount;
                return WindowLease.Acquired;
            }

            return new WindowLease(false, _windowEnds - now);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private sealed class WindowLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly WindowLease Acquired = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames =>
            retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
