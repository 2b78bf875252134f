using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Programme;

namespace NestPortal.Development.DemoData;

/// <summary>
/// Ends the programme on its real last day (<see cref="DemoHistoryStories.ProgrammeEnd"/>) once that day is
/// past, as an administrator would have on *Programmregeln*. An option (<c>Demo:EndProgramme</c>, default
/// true): the test factories switch it off, because their fixed days lie after 2025 and their tests submit
/// groups and match families, which an ended programme refuses.
/// </summary>
public static class DemoProgrammeEnd
{
    public const string Setting = "Demo:EndProgramme";

    public static bool IsWanted(IConfiguration configuration) => configuration.GetValue(Setting, true);

    /// <summary>
    /// Whether the demo set ends the programme when seeded on <paramref name="today"/>: once the end is past,
    /// and for a year after it. The present-day stories (arrivals in the coming weeks, leases from their
    /// month) are then matched on or before the end, and the domain finds a lease more than two years after
    /// its match implausible; later than a year after the end the demo set keeps the programme open, and an
    /// administrator can end it on *Programmregeln* (found by the dated test run on 29.02.2028).
    /// </summary>
    public static bool Applies(bool endProgramme, DateOnly today) =>
        endProgramme && today > DemoHistoryStories.ProgrammeEnd && today <= DemoHistoryStories.ProgrammeEnd.AddYears(1);

    /// <summary>The last day the demo set may submit groups or match families: today, or the end when it applies.</summary>
    public static DateOnly LastActiveDay(bool endProgramme, DateOnly today) =>
        Applies(endProgramme, today) ? DemoHistoryStories.ProgrammeEnd : today;

    public static async Task ApplyAsync(NestPortalDbContext db, DateOnly today)
    {
        if (!Applies(endProgramme: true, today)) return;
        var ruleSets = await db.RuleSets.ToListAsync();
        var latest = ruleSets.MaxBy(r => r.ValidFrom);
        // The domain checks the end against the last submission under the latest rules; it is passed as it is.
        var lastSubmission = latest is null ? null : await db.MentoringGroups
            .Where(g => g.RuleSetId == latest.Id && g.SubmittedOn != null).MaxAsync(g => g.SubmittedOn);
        ProgrammeRuleSet.EndProgramme(ruleSets, DemoHistoryStories.ProgrammeEnd, lastSubmission);
        await db.SaveChangesAsync();
    }
}
