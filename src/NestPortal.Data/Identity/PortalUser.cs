using Microsoft.AspNetCore.Identity;
using NestPortal.Domain.Municipalities;

namespace NestPortal.Data.Identity;

/// <summary>A person who signs in. Municipality staff are bound to exactly one municipality by its AGS.</summary>
public sealed class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;
    public Ags? MunicipalityAgs { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
