using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NestPortal.Data.Identity;

namespace NestPortal.Web.Authorization;

/// <summary>
/// Identity's sign-in, refusing deactivated accounts (ADR 0020). Password, authenticator-code and
/// recovery-code sign-ins all ask <see cref="CanSignInAsync"/>; the login pages answer a refused
/// account as they answer a wrong password, so the refusal tells a guesser nothing.
/// </summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> userManager, IHttpContextAccessor contextAccessor, IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<PortalUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(PortalUser user)
    {
        if (user.DeactivatedAtUtc is not null)
        {
            Logger.LogWarning("Deactivated account {UserId} tried to sign in", user.Id);
            return false;
        }

        return await base.CanSignInAsync(user);
    }

    /// <remarks>
    /// Identity's recovery-code sign-in does not ask <see cref="CanSignInAsync"/> (the password step did,
    /// but the account may have been deactivated since); asked here before a code is spent.
    /// </remarks>
    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        if (await GetTwoFactorAuthenticationUserAsync() is { } user && !await CanSignInAsync(user)) return SignInResult.NotAllowed;
        return await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
    }
}
