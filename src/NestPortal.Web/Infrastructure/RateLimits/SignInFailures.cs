using System.Collections.Concurrent;

namespace NestPortal.Web.Infrastructure.RateLimits;

/// <summary>
/// Wrong passwords and codes per (account, client address) pair, in memory. After
/// <see cref="RateLimitOptions.PairLockoutOptions.Failures"/> failures the pair is refused until
/// <see cref="RateLimitOptions.PairLockoutOptions.Minutes"/> after its last failure; the same account
/// from any other address is not affected, so guessing someone's password cannot lock them out
/// (ADR 0018). A locked pair is answered like a wrong password: the form gives no hint.
/// </summary>
public sealed class SignInFailures(Microsoft.Extensions.Options.IOptions<RateLimitOptions> options, TimeProvider time, ILogger<SignInFailures> logger)
{
    private readonly ConcurrentDictionary<string, Entry> _pairs = new(StringComparer.Ordinal);

    /// <summary>When a pair of each account was last locked, so the next successful sign-in can tell the owner.</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lockedAt = new(StringComparer.Ordinal);

    /// <summary>How long after a lock a successful sign-in is worth telling the owner about.</summary>
    public static readonly TimeSpan LockNoticeWindow = TimeSpan.FromHours(24);
    private readonly RateLimitOptions.PairLockoutOptions _options = options.Value.Lockout;
    private int _fullWarned;

    public bool IsLocked(string account, string address)
    {
        if (!_pairs.TryGetValue(Pair(account, address), out var entry)) return false;
        lock (entry)
        {
            return entry.Failures >= _options.Failures && time.GetUtcNow() < entry.ForgottenAt;
        }
    }

    public void RecordFailure(string account, string address)
    {
        var now = time.GetUtcNow();
        var key = Pair(account, address);
        if (!_pairs.ContainsKey(key) && _pairs.Count >= _options.MaxPairs && !MakeRoom(now)) return;
        var entry = _pairs.GetOrAdd(key, _ => new Entry());
        lock (entry)
        {
            if (now >= entry.ForgottenAt) entry.Failures = 0;
            entry.Failures++;
            entry.ForgottenAt = now.AddMinutes(_options.Minutes);
            if (entry.Failures == _options.Failures) _lockedAt[account] = now;
        }
    }

    /// <summary>
    /// For a successful sign-in: when a pair of the account was locked within <see cref="LockNoticeWindow"/>,
    /// that moment (once; the next sign-in gets null).
    /// </summary>
    public DateTimeOffset? TakeRecentLock(string account) =>
        _lockedAt.TryRemove(account, out var at) && time.GetUtcNow() - at <= LockNoticeWindow ? at : null;

    /// <summary>The right password or code: the pair starts again from nothing.</summary>
    public void Clear(string account, string address) => _pairs.TryRemove(Pair(account, address), out _);

    /// <summary>A new password set through a mailed link proves the mailbox: every address starts again for the account.</summary>
    public void ClearAccount(string account)
    {
        var prefix = account + "|";
        foreach (var key in _pairs.Keys)
            if (key.StartsWith(prefix, StringComparison.Ordinal)) _pairs.TryRemove(key, out _);
    }

    /// <summary>Forgets pairs whose time is up; false when none was, so the new pair goes uncounted.</summary>
    private bool MakeRoom(DateTimeOffset now)
    {
        foreach (var (key, entry) in _pairs)
        {
            bool expired;
            lock (entry) expired = now >= entry.ForgottenAt;
            if (expired) _pairs.TryRemove(key, out _);
        }

        foreach (var (account, at) in _lockedAt)
            if (now - at > LockNoticeWindow) _lockedAt.TryRemove(account, out _);

        if (_pairs.Count < _options.MaxPairs) return true;
        if (Interlocked.Exchange(ref _fullWarned, 1) == 0)
            logger.LogWarning("Sign-in failures: {MaxPairs} pairs of account and address are counted; new pairs go uncounted until some expire", _options.MaxPairs);
        return false;
    }

    private static string Pair(string account, string address) => account + "|" + address;

    private sealed class Entry
    {
        public int Failures;
        public DateTimeOffset ForgottenAt;
    }
}
