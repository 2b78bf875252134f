using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace NestPortal.Web.Authorization;

/// <summary>
/// Staff pages need a sign-in that passed a second factor (TOTP). With <paramref name="StaffOnly"/>, a page
/// every signed-in person may open (the messages) asks it of staff accounts only.
/// </summary>
public sealed record TwoFactorRequirement(bool StaffOnly = false) : IAuthorizationRequirement;

public sealed class TwoFactorOptions
{
    /// <summary>
    /// Lets the demo users reach staff pages without an authenticator app, so a newcomer can try
    /// every role. Honoured only in Development and Testing, and only for the demo accounts.
    /// </summary>
    public bool RelaxForDemoUsers { get; set; }
}

/// <summary>
/// Succeeds when the sign-in carried amr=mfa, or for a demo account where the relaxation is on and the
/// environment is Development or Testing.
/// </summary>
public sealed class TwoFactorHandler(IOptions<TwoFactorOptions> options, IHostEnvironment environment)
    : AuthorizationHandler<TwoFactorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TwoFactorRequirement requirement)
    {
        var user = context.User;
        var signedInWithSecondFactor = user.HasClaim(PortalClaims.AuthenticationMethod, PortalClaims.MultiFactor);
        var relaxed = options.Value.RelaxForDemoUsers
                      && DemoAccounts.AllowedIn(environment)
                      && DemoAccounts.IsDemoAccount(user.FindFirstValue(ClaimTypes.Email));
        var notStaff = requirement.StaffOnly && !Roles.Staff.Any(user.IsInRole);
        if (signedInWithSecondFactor || relaxed || notStaff) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
