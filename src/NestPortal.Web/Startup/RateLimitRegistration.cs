using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using NestPortal.Web.Infrastructure.RateLimits;

namespace NestPortal.Web.Startup;

/// <summary>
/// Rate limits on the account forms and the lockout per (account, address) that replaces Identity's
/// account lockout (ADR 0018). Refused requests get 429 with Retry-After; the status code pages render
/// it through /Error?code=429, which says from when to try again.
/// </summary>
public static class RateLimitRegistration
{
    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton<ClientKeys>();
        services.AddSingleton<SignInFailures>();
        services.AddSingleton<RateLimitPolicy>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<RateLimitPolicy>((options, policy) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = policy.Limiter;
            options.OnRejected = (rejected, _) =>
            {
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    rejected.HttpContext.Response.Headers.RetryAfter =
                        Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>After routing (the limits read the page's endpoint), before authentication and the pages.</summary>
    public static IApplicationBuilder UsePortalRateLimits(this IApplicationBuilder app) =>
        app.UseMiddleware<RateLimitSubject>().UseRateLimiter();
}
