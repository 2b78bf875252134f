using System.Security.Claims;
using NestPortal.Data.Auditing;
using NestPortal.Web.Authorization;

namespace NestPortal.Web.Infrastructure;

/// <summary>The audit log's view of who is acting: the signed-in user of the current request, or the portal itself.</summary>
public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    /// <summary>How the log names a volunteer: by role, their account id identifies them while the account exists.</summary>
    public const string MemberActorName = "Mitglied einer Gruppe";

    public AuditActorInfo Current
    {
        get
        {
            var context = accessor.HttpContext;
            if (context?.User.Identity?.IsAuthenticated != true) return AuditActorInfo.System with { RequestId = context?.TraceIdentifier };
            var user = context.User;
            var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
            return new AuditActorInfo(
                user.FindFirstValue(ClaimTypes.NameIdentifier),
                // Staff act in office and are named; a volunteer's name would outlive the erasure of their
                // data in the append-only log, so only their account id (a pseudonym) is kept (ADR 0014).
                roles.Any(r => r != Roles.Mentor) ? user.FindFirstValue(PortalClaims.DisplayName) ?? user.Identity.Name ?? "?" : MemberActorName,
                // Every role the account holds: the log must not name one and hide another.
                roles.Count > 0 ? string.Join(',', roles) : null,
                context.TraceIdentifier);
        }
    }
}
