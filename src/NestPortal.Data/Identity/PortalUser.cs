using Microsoft.AspNetCore.Identity;
using NestPortal.Domain.Municipalities;

namespace NestPortal.Data.Identity;

/// <summary>A person who signs in. Municipality staff are bound to exactly one municipality by its AGS.</summary>
public sealed class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;
    public Ags? MunicipalityAgs { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>
    /// When an administrator deactivated the account; null while it may sign in. A deactivated account
    /// keeps its records and its place in histories, and can be reactivated (ADR 0020).
    /// </summary>
    public DateTime? DeactivatedAtUtc { get; set; }

    /// <summary>When the last invitation (a link to set a password) was sent; null for self-registrations.</summary>
    public DateTime? InvitationSentAtUtc { get; set; }

    /// <summary>
    /// The language the person last chose in the portal ("de-DE", "en-GB"); their mails and messages are
    /// written in it. Null until they choose: German.
    /// </summary>
    public string? PreferredCulture { get; set; }

    /// <summary>The TOTP time step of the last authenticator code accepted; older or equal ones are refused.</summary>
    public long? LastAuthenticatorTimeStep { get; set; }
}
