using Microsoft.EntityFrameworkCore;
using NestPortal.Data;

namespace NestPortal.Web.Pages.Admin.RuleSets;

/// <summary>
/// Which rule sets groups (from their submission) and sponsorships refer to. A rule set in use is never
/// edited, only succeeded: changing it would change the obligations of groups already bound by it.
/// </summary>
public sealed record RuleSetUsage(int Groups, int Sponsorships)
{
    public bool InUse => Groups > 0 || Sponsorships > 0;

    public static async Task<IReadOnlyDictionary<int, RuleSetUsage>> OfAllAsync(NestPortalDbContext db)
    {
        var groups = await db.MentoringGroups.Where(g => g.RuleSetId != null)
            .GroupBy(g => g.RuleSetId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count);
        var sponsorships = await db.Sponsorships
            .GroupBy(s => s.RuleSetId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count);
        return groups.Keys.Union(sponsorships.Keys)
            .ToDictionary(id => id, id => new RuleSetUsage(groups.GetValueOrDefault(id), sponsorships.GetValueOrDefault(id)));
    }

    public static async Task<RuleSetUsage> OfAsync(NestPortalDbContext db, int ruleSetId) => new(
        await db.MentoringGroups.CountAsync(g => g.RuleSetId == ruleSetId),
        await db.Sponsorships.CountAsync(s => s.RuleSetId == ruleSetId));

    /// <summary>The last day a group was submitted under the rule set: its successor may start the day after at the earliest.</summary>
    public static Task<DateOnly?> LastSubmissionUnderAsync(NestPortalDbContext db, int ruleSetId) =>
        db.MentoringGroups.Where(g => g.RuleSetId == ruleSetId).MaxAsync(g => g.SubmittedOn);
}
