using Microsoft.AspNetCore.Identity;
using NestPortal.Data.Identity;
using OtpNet;

namespace NestPortal.Web.Authorization;

/// <summary>
/// TOTP codes from an authenticator app, each accepted once (ASVS 5.0 V6.5.1): a code for a time step
/// at or before the last one used is refused, so a code seen over a shoulder or in a log cannot be
/// replayed within its 30 seconds. Identity's own provider accepts the same code again.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider : AuthenticatorTokenProvider<PortalUser>
{
    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != 6 || !token.All(char.IsAsciiDigit)) return false;

        var totp = new Totp(Base32Encoding.ToBytes(key));
        // One step either side allows for a phone clock a little off, as Identity's provider does.
        if (!totp.VerifyTotp(token, out var timeStep, new VerificationWindow(previous: 1, future: 1))) return false;
        if (user.LastAuthenticatorTimeStep is { } lastUsed && timeStep <= lastUsed) return false;

        user.LastAuthenticatorTimeStep = timeStep;
        return (await manager.UpdateAsync(user)).Succeeded;
    }
}
