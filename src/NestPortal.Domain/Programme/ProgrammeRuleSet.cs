using NestPortal.Domain.Common;

namespace NestPortal.Domain.Programme;

/// <summary>
/// The programme's rules for a period (Programmregeln). Rules are data so that a successor programme
/// needs no code change; a sponsorship keeps the rule set in force on its group's submission date.
/// </summary>
public sealed class ProgrammeRuleSet
{
    public const int AgeOfMajority = 18;

    public int Id { get; private set; }
    public string Code { get; private set; } = string.Empty;
    public string Name { get; private set; } = string.Empty;
    public DateOnly ValidFrom { get; private set; }
    public DateOnly? ValidUntil { get; private set; }
    public int MinimumMembers { get; private set; }
    public int RequiredMainContacts { get; private set; }
    public bool LegalPersonsAllowed { get; private set; }
    public int RentMonths { get; private set; }
    public int RentMonthsWithOwnedFlat { get; private set; }
    public int SupportMonths { get; private set; }
    public string TrainingRequirement { get; private set; } = string.Empty;

    private ProgrammeRuleSet()
    {
    }

    public ProgrammeRuleSet(string code, string name, DateOnly validFrom, DateOnly? validUntil, int minimumMembers,
        int requiredMainContacts, bool legalPersonsAllowed, int rentMonths, int rentMonthsWithOwnedFlat,
        int supportMonths, string trainingRequirement)
    {
        if (string.IsNullOrWhiteSpace(code)) throw new DomainException("Ein Regelwerk braucht ein Kürzel.");
        if (validUntil is { } until && until < validFrom)
            throw new DomainException("Das Ende der Geltung ({0:dd.MM.yyyy}) liegt vor ihrem Beginn ({1:dd.MM.yyyy}).", until, validFrom);
        if (minimumMembers < 1) throw new DomainException("Eine Gruppe braucht mindestens ein Mitglied.");
        if (requiredMainContacts < 1 || requiredMainContacts > minimumMembers)
            throw new DomainException("Die Zahl der Hauptansprechpersonen muss zwischen 1 und der Mindestzahl der Mitglieder liegen.");
        if (rentMonths < 0 || rentMonthsWithOwnedFlat < 0 || supportMonths < 0)
            throw new DomainException("Monatszahlen dürfen nicht negativ sein.");

        Code = code;
        Name = name;
        ValidFrom = validFrom;
        ValidUntil = validUntil;
        MinimumMembers = minimumMembers;
        RequiredMainContacts = requiredMainContacts;
        LegalPersonsAllowed = legalPersonsAllowed;
        RentMonths = rentMonths;
        RentMonthsWithOwnedFlat = rentMonthsWithOwnedFlat;
        SupportMonths = supportMonths;
        TrainingRequirement = trainingRequirement;
    }

    public bool Covers(DateOnly date) => date >= ValidFrom && (ValidUntil is null || date <= ValidUntil);

    /// <summary>The rule set in force on a date, or null when none covers it (then no group can submit).</summary>
    public static ProgrammeRuleSet? InForceOn(IEnumerable<ProgrammeRuleSet> ruleSets, DateOnly date) =>
        ruleSets.Where(r => r.Covers(date)).OrderByDescending(r => r.ValidFrom).FirstOrDefault();
}
