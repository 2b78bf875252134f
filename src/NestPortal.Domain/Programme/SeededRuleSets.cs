namespace NestPortal.Domain.Programme;

/// <summary>The two rule sets of NesT as published; seeded as data, extended by administrators.</summary>
public static class SeededRuleSets
{
    public const string PilotCode = "NEST-PILOT";
    public const string PermanentCode = "NEST-PERMANENT";

    public static ProgrammeRuleSet Pilot() => new(
        PilotCode, "NesT Pilotphase", new DateOnly(2019, 5, 6), new DateOnly(2022, 6, 30),
        minimumMembers: 5, requiredMainContacts: 2, legalPersonsAllowed: false,
        rentMonths: 24, rentMonthsWithOwnedFlat: 24, supportMonths: 12,
        trainingRequirement: "eintägige Pflichtschulung");

    public static ProgrammeRuleSet Permanent() => new(
        PermanentCode, "NesT Regelprogramm", new DateOnly(2022, 7, 1), null,
        minimumMembers: 4, requiredMainContacts: 2, legalPersonsAllowed: true,
        rentMonths: 12, rentMonthsWithOwnedFlat: 0, supportMonths: 12,
        trainingRequirement: "vierstündige Basisschulung vor der Antragstellung");

    public static IReadOnlyList<ProgrammeRuleSet> All() => [Pilot(), Permanent()];
}
