using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NestPortal.Data.Identity;

namespace NestPortal.Web.Authorization;

/// <summary>Adds the name shown in histories and a municipality user's AGS to the sign-in cookie.</summary>
public sealed class PortalClaimsPrincipalFactory(
    UserManager<PortalUser> userManager, RoleManager<IdentityRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
        if (user.MunicipalityAgs is { } ags)
            identity.AddClaim(new Claim(PortalClaims.MunicipalityAgs, ags.Value));
        return identity;
    }
}
