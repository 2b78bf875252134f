using NestPortal.Domain.Common;

namespace NestPortal.Domain.Programme;

/// <summary>
/// The end of the programme: the latest rule set ended without a successor (NesT ended in its form at
/// the end of 2025). From the day after, nothing new starts (no submission, no match); what runs, goes on.
/// </summary>
public sealed partial class ProgrammeRuleSet
{
    /// <summary>The programme's last day: the end of the latest rule set, or null while it is open-ended.</summary>
    public static DateOnly? ProgrammeEnd(IEnumerable<ProgrammeRuleSet> ruleSets) => Latest(ruleSets)?.ValidUntil;

    /// <summary>The programme's last day when <paramref name="date"/> lies after it; null while the programme runs on that day.</summary>
    public static DateOnly? ProgrammeEndedBefore(IEnumerable<ProgrammeRuleSet> ruleSets, DateOnly date) =>
        ProgrammeEnd(ruleSets) is { } end && date > end ? end : null;

    /// <summary>
    /// Ends the programme on <paramref name="lastDay"/>: the latest rule set ends that day and no successor
    /// follows (one may still be added later; the days between have no rules). Refused before the latest
    /// rule set starts, or before the last group submitted under it. An end already set moves.
    /// </summary>
    /// <returns>The rule set that now ends the programme.</returns>
    public static ProgrammeRuleSet EndProgramme(IReadOnlyCollection<ProgrammeRuleSet> ruleSets, DateOnly lastDay, DateOnly? lastSubmissionUnderLatest)
    {
        var latest = Latest(ruleSets) ?? throw new DomainException("Es gibt noch keine Programmregeln; ein Programm ohne Regeln kann nicht enden.");
        if (lastDay < latest.ValidFrom)
            throw new DomainException("Das Programm kann frühestens am ersten Tag der Regeln „{0}“ ({1:dd.MM.yyyy}) enden.", latest.Name, latest.ValidFrom);
        if (lastSubmissionUnderLatest is { } last && last > lastDay)
            throw new DomainException("Am {0:dd.MM.yyyy} wurde noch eine Gruppe nach „{1}“ eingereicht; das Programm kann frühestens an diesem Tag enden.", last, latest.Name);
        latest.ValidUntil = lastDay;
        return latest;
    }

    /// <summary>Takes the end back: the latest rule set is open-ended again. Possible while no successor exists, which is always the case for the latest.</summary>
    /// <returns>The rule set that is open-ended again.</returns>
    public static ProgrammeRuleSet WithdrawProgrammeEnd(IReadOnlyCollection<ProgrammeRuleSet> ruleSets)
    {
        var latest = Latest(ruleSets);
        if (latest?.ValidUntil is null)
            throw new DomainException("Für das Programm ist kein Ende eingetragen; es gibt nichts zurückzunehmen.");
        latest.ValidUntil = null;
        return latest;
    }

    private static ProgrammeRuleSet? Latest(IEnumerable<ProgrammeRuleSet> ruleSets) => ruleSets.MaxBy(r => r.ValidFrom);
}
