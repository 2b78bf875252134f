using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace NestPortal.Web.Authorization;

/// <summary>
/// Staff pages need a sign-in that passed a second factor (TOTP). With <paramref name="staffOnly"/>, for pages
/// mentors and staff share (documents): a mentor passes, a staff member still needs the second factor.
/// </summary>
public sealed class TwoFactorRequirement(bool staffOnly = false) : IAuthorizationRequirement
{
    public bool StaffOnly => staffOnly;
}

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
