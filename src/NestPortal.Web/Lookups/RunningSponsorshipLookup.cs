using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Sponsorships;

namespace NestPortal.Web.Lookups;

/// <summary>How many of a group's saved sponsorships run on a day, judged on their dates as the match rule judges them.</summary>
public static class RunningSponsorshipLookup
{
    /// <param name="except">Sponsorships the caller already counts itself (an import's own, saved in batches).</param>
    public static async Task<int> RunningSponsorshipsOfGroupOnAsync(this NestPortalDbContext db, int groupId, DateOnly date,
        IReadOnlyCollection<int>? except = null)
    {
        var ids = except ?? [];
        // A group has a handful of sponsorships over its life; those completed by then cannot run.
        var sponsorships = await db.Sponsorships.AsNoTracking()
            .Where(s => s.GroupId == groupId && s.MatchedOn <= date && (s.CompletedOn == null || s.CompletedOn > date) && !ids.Contains(s.Id))
            .ToListAsync();
        if (sponsorships.Count == 0) return 0;
        var householdIds = sponsorships.Select(s => s.HouseholdId).ToList();
        var households = await db.Households.AsNoTracking().Include(h => h.Persons)
            .Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id);
        return sponsorships.Count(s => s.IsRunningOn(date, households.GetValueOrDefault(s.HouseholdId)?.SupportEndsOn(s.SupportMonths)));
    }
}
