using System.Security.Claims;
using NestPortal.Domain.Common;

namespace NestPortal.Web.Authorization;

public static class UserExtensions
{
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The user is not signed in.");

    public static string? Email(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email);

    public static Actor ToActor(this ClaimsPrincipal user) =>
        new(user.UserId(), user.FindFirstValue(PortalClaims.DisplayName) ?? user.Identity?.Name ?? "?");
}
