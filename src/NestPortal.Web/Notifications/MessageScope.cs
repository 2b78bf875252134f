using System.Security.Claims;
using NestPortal.Data.Notifications;
using NestPortal.Web.Authorization;

namespace NestPortal.Web.Notifications;

/// <summary>
/// The messages a signed-in person may read: their own, and for the competence centre's staff its shared
/// list. Every query of messages starts here, so one person can never open another's.
/// </summary>
public static class MessageScope
{
    public static IQueryable<PortalMessage> VisibleTo(this IQueryable<PortalMessage> messages, ClaimsPrincipal user)
    {
        var id = user.UserId();
        // Two equality tests rather than a list: each is a seek on the (recipient, read, created) index.
        return user.IsInRole(Roles.CompetenceCentre)
            ? messages.Where(m => m.RecipientKey == id || m.RecipientKey == PortalMessage.CompetenceCentre)
            : messages.Where(m => m.RecipientKey == id);
    }

    /// <summary>The message lists <see cref="VisibleTo"/> reads: the person's own, and the shared one for the competence centre.</summary>
    public static IEnumerable<string> ListsOf(ClaimsPrincipal user)
    {
        yield return user.UserId();
        if (user.IsInRole(Roles.CompetenceCentre)) yield return PortalMessage.CompetenceCentre;
    }
}
