using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NestPortal.Data;

namespace NestPortal.Web.Authorization;

/// <summary>How long a sign-in lasts (configuration section <c>Authentication:Session</c>).</summary>
public sealed class SessionLifetimeOptions
{
    public const string Section = "Authentication:Session";

    /// <summary>From the sign-in on, however active the person is; a working day.</summary>
    public double AbsoluteHours { get; set; } = 10;

    /// <summary>Without a request for this long, the session ends (the cookie's sliding expiry).</summary>
    public double IdleMinutes { get; set; } = 30;

    public TimeSpan Absolute => TimeSpan.FromHours(AbsoluteHours);
    public TimeSpan Idle => TimeSpan.FromMinutes(IdleMinutes);
}

/// <summary>
/// Sessions that end (ADR 0019): the user's security stamp is the revocation token, checked on every
/// request against the database; the sign-in's time travels in the ticket and caps the session however
/// often sliding expiry renews the cookie.
/// </summary>
public static class Sessions
{
    /// <summary>The ticket's item holding the sign-in's instant; kept by sliding renewal and by RefreshSignInAsync.</summary>
    public const string SignedInItem = ".nest.signedIn";

    /// <summary>A new sign-in starts the absolute clock; a re-issue of the same ticket keeps it.</summary>
    public static Task OnSigningIn(CookieSigningInContext context)
    {
        if (!context.Properties.Items.ContainsKey(SignedInItem))
        {
            var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            context.Properties.Items[SignedInItem] = now.ToString("O", CultureInfo.InvariantCulture);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Runs on every authenticated request to a page: a session past its absolute end, one without a sign-in time,
    /// one whose stamp differs from the account's (logout, new password, second factor reset, role change,
    /// deactivation) or whose account is gone is rejected and its cookie deleted. One indexed read of one
    /// column, no tracking. Identity's own validator then keeps refreshing roles every 30 minutes.
    /// </summary>
    public static async Task OnValidatePrincipal(CookieValidatePrincipalContext context)
    {
        // Only pages show or change anything of an account: stylesheets, scripts, fonts and the health probe
        // (endpoints that are no page action) cost no database read, though the browser sends the cookie with each.
        if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor>() is null) return;

        var services = context.HttpContext.RequestServices;
        var reason = await RejectionAsync(context, services);
        if (reason is not null)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Sessions))
                .LogInformation("Session of user {UserId} ended: {Reason}", UserId(context, services), reason);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    private static async Task<string?> RejectionAsync(CookieValidatePrincipalContext context, IServiceProvider services)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var options = services.GetRequiredService<IOptions<SessionLifetimeOptions>>().Value;
        if (!context.Properties.Items.TryGetValue(SignedInItem, out var signedInText)
            || !DateTimeOffset.TryParseExact(signedInText, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedIn))
            return "no sign-in time";
        if (now - signedIn > options.Absolute) return "absolute lifetime over";

        var userId = UserId(context, services);
        var stamp = context.Principal?.FindFirstValue(services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType);
        if (userId is null || stamp is null) return "no user or stamp in the cookie";
        var current = await CurrentStamp(services.GetRequiredService<NestPortalDbContext>(), userId, context.HttpContext.RequestAborted);
        if (current is null) return "account gone";
        return current.SecurityStamp == stamp ? null : "security stamp changed";
    }

    /// <summary>The account's stamp, or null when it is gone. Compiled once: it runs on every page request.</summary>
    private static readonly Func<NestPortalDbContext, string, CancellationToken, Task<StampRow?>> CurrentStamp = EF.CompileAsyncQuery(
        (NestPortalDbContext db, string id, CancellationToken _) => db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new StampRow(u.SecurityStamp)).SingleOrDefault());

    private sealed record StampRow(string? SecurityStamp);

    private static string? UserId(CookieValidatePrincipalContext context, IServiceProvider services) =>
        context.Principal?.FindFirstValue(services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.UserIdClaimType);
}
