using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace NestPortal.Web.Infrastructure.RateLimits;

/// <summary>
/// The limiter in front of the account forms: first per client address, then per account, each a
/// <see cref="WindowLimiter"/> per partition. Only POSTs to pages marked <see cref="RateLimitedAttribute"/>
/// count; everything else passes untouched. The per-account budget is not drawn by a pair that
/// <see cref="SignInFailures"/> already refuses, so one address alone cannot use it up (ADR 0018).
/// </summary>
public sealed class RateLimitPolicy
{
    /// <summary>Where <see cref="RateLimitSubject"/> leaves the account key of the request being limited.</summary>
    public const string AccountItem = "NestPortal.RateLimits.Account";

    private static readonly RateLimitPartition<string> Unlimited = RateLimitPartition.GetNoLimiter(string.Empty);

    private readonly RateLimitOptions _options;
    private readonly ClientKeys _keys;
    private readonly SignInFailures _failures;
    private readonly TimeProvider _time;

    public RateLimitPolicy(IOptions<RateLimitOptions> options, ClientKeys keys, SignInFailures failures, TimeProvider time)
    {
        _options = options.Value;
        _keys = keys;
        _failures = failures;
        _time = time;
        Limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(PerAddress),
            PartitionedRateLimiter.Create<HttpContext, string>(PerAccount));
    }

    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    /// <summary>The form a request posts to, when it is one of the limited ones.</summary>
    public RateLimitedForm? LimitedForm(HttpContext context) =>
        _options.Enabled && HttpMethods.IsPost(context.Request.Method)
            ? context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedAttribute>()?.Form
            : null;

    private RateLimitPartition<string> PerAddress(HttpContext context)
    {
        if (LimitedForm(context) is not { } form) return Unlimited;
        var limit = _options.For(form);
        return Partition($"{form}|address|{_keys.Address(context)}", limit.PerAddress, limit.Window);
    }

    private RateLimitPartition<string> PerAccount(HttpContext context)
    {
        if (LimitedForm(context) is not { } form || context.Items[AccountItem] is not string account) return Unlimited;
        // A pair that is locked is refused by the page without a password check; it must not also eat
        // into the account's budget, or one address could keep the owner out by trying on.
        if (form != RateLimitedForm.Mail && _failures.IsLocked(account, _keys.Address(context))) return Unlimited;
        var limit = _options.For(form);
        return Partition($"{form}|account|{account}", limit.PerAccount, limit.Window);
    }

    private RateLimitPartition<string> Partition(string key, int permits, TimeSpan window) =>
        RateLimitPartition.Get(key, _ => new WindowLimiter(Math.Max(1, permits), window, _time));
}
