using NestPortal.Domain.Programme;

namespace NestPortal.Domain.Tests.Builders;

/// <summary>
/// The two seeded rule sets with the ids the database would give them, so a test can tell which one a
/// group was submitted under (unsaved rule sets all have id 0).
/// </summary>
public static class TestRuleSets
{
    public const int PilotId = 1;
    public const int PermanentId = 2;

    public static readonly DateOnly LastPilotDay = new(2022, 6, 30);
    public static readonly DateOnly FirstPermanentDay = new(2022, 7, 1);

    public static ProgrammeRuleSet Pilot() => EntityIds.Assign(SeededRuleSets.Pilot(), PilotId);

    public static ProgrammeRuleSet Permanent() => EntityIds.Assign(SeededRuleSets.Permanent(), PermanentId);

    public static IReadOnlyList<ProgrammeRuleSet> All() => [Pilot(), Permanent()];

    /// <summary>The rule set in force on a date, chosen the way the application chooses it.</summary>
    public static ProgrammeRuleSet? InForceOn(DateOnly date) => ProgrammeRuleSet.InForceOn(All(), date);
}
