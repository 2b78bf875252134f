using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace NestPortal.Web.Infrastructure.RateLimits;

/// <summary>
/// Finds out, before the rate limiter runs, which account a limited POST is about: the typed email
/// address (the form is read once and stays buffered for the page), or for the second-factor pages the
/// account whose password was accepted (Identity's two-factor cookie). The limiter's partitioning is
/// synchronous, so it cannot read the body itself.
/// </summary>
public sealed class RateLimitSubject(RequestDelegate next, RateLimitPolicy policy, ClientKeys keys)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (policy.LimitedForm(context) is { } form && await AccountAsync(context, form) is { } account)
            context.Items[RateLimitPolicy.AccountItem] = account;
        await next(context);
    }

    private async Task<string?> AccountAsync(HttpContext context, RateLimitedForm form)
    {
        if (form == RateLimitedForm.SecondFactor)
        {
            var twoFactor = await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
            return twoFactor.Principal?.FindFirstValue(ClaimTypes.Name) is { } userId ? keys.SecondFactorAccount(userId) : null;
        }

        if (!context.Request.HasFormContentType) return null;
        try
        {
            var fields = await context.Request.ReadFormAsync(context.RequestAborted);
            return fields.TryGetValue("Input.Email", out var email) ? keys.Account(email.ToString()) : null;
        }
        catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException or IOException)
        {
            // A form too large or malformed is refused further on, as for any page; per address it still counts.
            return null;
        }
    }
}
