using System.Security.Claims;
using NestPortal.Data.Auditing;
using NestPortal.Web.Authorization;

namespace NestPortal.Web.Infrastructure;

/// <summary>The audit log's view of who is acting: the signed-in user of the current request, or the portal itself.</summary>
public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    public AuditActorInfo Current
    {
        get
        {
            var context = accessor.HttpContext;
            if (context?.User.Identity?.IsAuthenticated != true) return AuditActorInfo.System with { RequestId = context?.TraceIdentifier };
            var user = context.User;
            return new AuditActorInfo(
                user.FindFirstValue(ClaimTypes.NameIdentifier),
                user.FindFirstValue(PortalClaims.DisplayName) ?? user.Identity.Name ?? "?",
                // Every role the account holds: the log must not name one and hide another.
                string.Join(',', user.FindAll(ClaimTypes.Role).Select(c => c.Value)) is { Length: > 0 } roles ? roles : null,
                context.TraceIdentifier);
        }
    }
}
