using System.Security.Claims;
using NestPortal.Data;
using NestPortal.Domain.Households;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Sponsorships;

namespace NestPortal.Web.Authorization;

/// <summary>
/// The one place that decides which households a user may see. Lists, searches, detail pages and
/// exports all start from it, so a municipality can never reach a household allocated elsewhere by
/// any route: a household outside the scope simply does not exist for that user (404).
/// </summary>
public static class HouseholdScope
{
    public static IQueryable<Household> HouseholdsVisibleTo(this NestPortalDbContext db, ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.CompetenceCentre)) return db.Households;
        // A municipality's access ends with the support and rent periods, that is when the sponsorship
        // is completed: from then on the household's data is no longer its business (data protection).
        if (user.IsInRole(Roles.Municipality) && user.MunicipalityAgs() is { } ags)
            return db.Households.Where(h => h.AllocatedMunicipalityAgs == ags
                                            && db.Sponsorships.Any(s => s.HouseholdId == h.Id && s.Status == SponsorshipStatus.Running));
        if (user.IsInRole(Roles.Mentor))
        {
            var groupIds = db.GroupsOf(user).Select(g => g.Id);
            return db.Households.Where(h => db.Sponsorships.Any(s => s.HouseholdId == h.Id && groupIds.Contains(s.GroupId)));
        }

        return db.Households.Where(_ => false);
    }

    /// <summary>
    /// The groups a mentor works on: created by them, or listing their email as a member; a member who
    /// left the group (early departure) no longer reaches it, whether they created it or not.
    /// </summary>
    public static IQueryable<MentoringGroup> GroupsOf(this NestPortalDbContext db, ClaimsPrincipal user)
    {
        var userId = user.UserId();
        var email = user.Email() is { } address ? Mentor.NormaliseEmail(address) : null;
        return db.MentoringGroups.Where(g => g.MemberDataErasedOn == null &&
            (g.CreatedByUserId == userId || (email != null && g.Members.Any(m => m.Email == email && m.LeftOn == null)))
            && !(email != null && g.Members.Any(m => m.Email == email && m.LeftOn != null)));
    }

    /// <summary>The municipality a Municipality account is bound to.</summary>
    public static Ags? MunicipalityAgs(this ClaimsPrincipal user) =>
        user.FindFirstValue(PortalClaims.MunicipalityAgs) is { } value && Ags.TryParse(value, out var ags) ? ags : null;
}
