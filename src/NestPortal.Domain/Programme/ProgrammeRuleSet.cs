using NestPortal.Domain.Common;

namespace NestPortal.Domain.Programme;

/// <summary>
/// The programme's rules for a period (Programmregeln). Rules are data so that a successor programme
/// needs no code change; a sponsorship keeps the rule set in force on its group's submission date.
/// </summary>
public sealed partial class ProgrammeRuleSet
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

    /// <summary>
    /// How many sponsorships a group may carry at the same time (judged on the match date); the
    /// programme's one family at a time is 1.
    /// </summary>
    public int MaxConcurrentSponsorships { get; private set; } = 1;

    private ProgrammeRuleSet()
    {
    }

    public ProgrammeRuleSet(string code, string name, DateOnly validFrom, DateOnly? validUntil, int minimumMembers,
        int requiredMainContacts, bool legalPersonsAllowed, int rentMonths, int rentMonthsWithOwnedFlat,
        int supportMonths, string trainingRequirement, int maxConcurrentSponsorships = 1)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Trim().Length > CodeMaxLength)
            throw new DomainException("Ein Regelwerk braucht ein Kürzel (höchstens {0} Zeichen).", CodeMaxLength);
        Code = code.Trim();
        Set(name, validFrom, validUntil, minimumMembers, requiredMainContacts, legalPersonsAllowed, rentMonths,
            rentMonthsWithOwnedFlat, supportMonths, trainingRequirement, maxConcurrentSponsorships);
    }

    public const int CodeMaxLength = 50;
    public const int NameMaxLength = 200;
    public const int TrainingMaxLength = 500;

    /// <summary>The longest obligation a rule set may set; beyond it a figure is a typing mistake.</summary>
    public const int MaximumMonths = 120;

    /// <summary>The most sponsorships at once a rule set may allow; beyond it a figure is a typing mistake.</summary>
    public const int MaximumConcurrentSponsorships = 10;

    /// <summary>Corrects a rule set no group or sponsorship uses yet; one in use can only be succeeded.</summary>
    public void Revise(bool inUse, string name, DateOnly validFrom, DateOnly? validUntil, int minimumMembers,
        int requiredMainContacts, bool legalPersonsAllowed, int rentMonths, int rentMonthsWithOwnedFlat,
        int supportMonths, string trainingRequirement, int maxConcurrentSponsorships = 1)
    {
        if (inUse)
            throw new DomainException("Die Regeln „{0}“ werden schon verwendet und können nicht mehr geändert werden; legen Sie stattdessen Nachfolgeregeln an.", Name);
        Set(name, validFrom, validUntil, minimumMembers, requiredMainContacts, legalPersonsAllowed, rentMonths,
            rentMonthsWithOwnedFlat, supportMonths, trainingRequirement, maxConcurrentSponsorships);
    }

    /// <summary>
    /// Ends this rule set the day before its successor starts. Refused when the successor would start
    /// before this one, or when a group was already submitted under this one on or after that day.
    /// </summary>
    public void EndBefore(DateOnly successorFrom, DateOnly? lastSubmissionUnderThis) =>
        EndBefore(successorFrom, lastSubmissionUnderThis, extend: false);

    /// <param name="extend">Also end later than now: only when the successor that ended this one moves its start.</param>
    private void EndBefore(DateOnly successorFrom, DateOnly? lastSubmissionUnderThis, bool extend)
    {
        if (successorFrom <= ValidFrom)
            throw new DomainException("Nachfolgeregeln müssen nach dem Beginn von „{0}“ ({1:dd.MM.yyyy}) beginnen.", Name, ValidFrom);
        if (lastSubmissionUnderThis is { } last && last >= successorFrom)
            throw new DomainException("Am {0:dd.MM.yyyy} wurde noch eine Gruppe nach „{1}“ eingereicht; die Nachfolgeregeln können frühestens am Tag danach beginnen.", last, Name);
        if (extend || ValidUntil is null || ValidUntil >= successorFrom) ValidUntil = successorFrom.AddDays(-1);
    }

    /// <summary>The rule set that started last before <paramref name="validFrom"/>, other than <paramref name="self"/>.</summary>
    public static ProgrammeRuleSet? PredecessorOf(IEnumerable<ProgrammeRuleSet> ruleSets, ProgrammeRuleSet self, DateOnly validFrom) =>
        ruleSets.Where(r => !ReferenceEquals(r, self) && r.ValidFrom < validFrom).MaxBy(r => r.ValidFrom);

    /// <summary>
    /// Fits a revised (unused) rule set back between its neighbours, so that exactly one rule set is in
    /// force on each day as before: it must end before the next rule set starts, and the predecessor it
    /// ended follows its corrected start (ending the day before, earlier or later than until now).
    /// Call after <see cref="Revise"/>; <paramref name="originalFrom"/> is the start before the revision.
    /// </summary>
    public static void FitBetweenNeighbours(IReadOnlyCollection<ProgrammeRuleSet> ruleSets, ProgrammeRuleSet revised, DateOnly originalFrom,
        DateOnly? lastSubmissionUnderPredecessor)
    {
        var next = ruleSets.Where(r => !ReferenceEquals(r, revised) && r.ValidFrom > originalFrom).MinBy(r => r.ValidFrom);
        if (next is not null && (revised.ValidUntil is null || revised.ValidUntil >= next.ValidFrom))
            throw new DomainException("Die Regeln müssen vor dem Beginn von „{0}“ ({1:dd.MM.yyyy}) enden.", next.Name, next.ValidFrom);
        var predecessor = PredecessorOf(ruleSets, revised, originalFrom);
        predecessor?.EndBefore(revised.ValidFrom, lastSubmissionUnderPredecessor, extend: predecessor.ValidUntil == originalFrom.AddDays(-1));
    }

    private void Set(string name, DateOnly validFrom, DateOnly? validUntil, int minimumMembers, int requiredMainContacts,
        bool legalPersonsAllowed, int rentMonths, int rentMonthsWithOwnedFlat, int supportMonths, string trainingRequirement,
        int maxConcurrentSponsorships)
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength)
            errors.Add(new DomainError("Bitte geben Sie einen Namen an (höchstens {0} Zeichen).", NameMaxLength));
        if (validUntil is { } until && until < validFrom)
            errors.Add(new DomainError("Das Ende der Geltung ({0:dd.MM.yyyy}) liegt vor ihrem Beginn ({1:dd.MM.yyyy}).", until, validFrom));
        if (minimumMembers < 1 || minimumMembers > 100)
            errors.Add(new DomainError("Die Mindestzahl der Mitglieder muss zwischen 1 und 100 liegen."));
        else if (requiredMainContacts < 1 || requiredMainContacts > minimumMembers)
            errors.Add(new DomainError("Die Zahl der Hauptansprechpersonen muss zwischen 1 und der Mindestzahl der Mitglieder liegen."));
        if (rentMonths is < 0 or > MaximumMonths || rentMonthsWithOwnedFlat is < 0 or > MaximumMonths || supportMonths is < 0 or > MaximumMonths)
            errors.Add(new DomainError("Monatszahlen müssen zwischen 0 und {0} liegen.", MaximumMonths));
        if (string.IsNullOrWhiteSpace(trainingRequirement) || trainingRequirement.Trim().Length > TrainingMaxLength)
            errors.Add(new DomainError("Bitte beschreiben Sie die nötige Schulung (höchstens {0} Zeichen).", TrainingMaxLength));
        if (maxConcurrentSponsorships is < 1 or > MaximumConcurrentSponsorships)
            errors.Add(new DomainError("Die Zahl der Mentoring-Übernahmen, die eine Gruppe zugleich begleiten darf, muss zwischen 1 und {0} liegen.", MaximumConcurrentSponsorships));
        if (errors.Count > 0) throw new DomainException(errors);

        Name = name.Trim();
        ValidFrom = validFrom;
        ValidUntil = validUntil;
        MinimumMembers = minimumMembers;
        RequiredMainContacts = requiredMainContacts;
        LegalPersonsAllowed = legalPersonsAllowed;
        RentMonths = rentMonths;
        RentMonthsWithOwnedFlat = rentMonthsWithOwnedFlat;
        SupportMonths = supportMonths;
        TrainingRequirement = trainingRequirement.Trim();
        MaxConcurrentSponsorships = maxConcurrentSponsorships;
    }

    public bool Covers(DateOnly date) => date >= ValidFrom && (ValidUntil is null || date <= ValidUntil);

    /// <summary>
    /// Adds a successor after the latest rule set, ending that one the day before. A successor cannot
    /// be slotted in between: rules already in force for submitted groups stay as they were.
    /// </summary>
    public static ProgrammeRuleSet AddSuccessor(IReadOnlyCollection<ProgrammeRuleSet> existing, ProgrammeRuleSet successor, DateOnly? lastSubmissionUnderLatest)
    {
        if (existing.Any(r => string.Equals(r.Code, successor.Code, StringComparison.OrdinalIgnoreCase)))
            throw new DomainException("Das Kürzel „{0}“ ist schon vergeben.", successor.Code);
        var latest = existing.MaxBy(r => r.ValidFrom);
        latest?.EndBefore(successor.ValidFrom, lastSubmissionUnderLatest);
        return successor;
    }

    /// <summary>The rule set in force on a date, or null when none covers it (then no group can submit).</summary>
    public static ProgrammeRuleSet? InForceOn(IEnumerable<ProgrammeRuleSet> ruleSets, DateOnly date) =>
        ruleSets.Where(r => r.Covers(date)).OrderByDescending(r => r.ValidFrom).FirstOrDefault();
}
