using Microsoft.AspNetCore.Identity;
using NestPortal.Domain.Municipalities;

namespace NestPortal.Data.Identity;

/// <summary>A person who signs in. Municipality staff are bound to exactly one municipality by its AGS.</summary>
public sealed class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;
    public Ags? MunicipalityAgs { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The TOTP time step of the last authenticator code accepted; older or equal ones are refused.</summary>
    public long? LastAuthenticatorTimeStep { get; set; }
}
