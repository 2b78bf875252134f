using NestPortal.Domain.Common;
using NestPortal.Domain.Households;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Programme;

namespace NestPortal.Domain.Sponsorships;

/// <summary>A match taken over from the records, with the decision rules it broke as warnings.</summary>
public sealed record HistoricalMatch(Sponsorship Sponsorship, IReadOnlyList<DomainError> Warnings);

/// <summary>
/// Recording BAMF's match. Its rules are of two kinds: <b>integrity rules</b> keep the data whole
/// (the group is approved, the household has persons and is matched once, a reason stays short) and
/// always refuse; <b>decision rules</b> guard a decision someone makes now (how many sponsorships a
/// group carries at once, no new match after the programme's end). A match made today breaks neither;
/// a match taken over from history (<see cref="RecordHistoricalMatch"/>) reports the decision rules as
/// warnings, because what was decided then is a fact now (docs/domain.md, History).
/// </summary>
public sealed partial class Sponsorship
{
    /// <summary>
    /// Records BAMF's match of an approved group with a household and a flat. The rule set is the one
    /// of the group's submission unless staff choose another and say why. Refused on any broken
    /// integrity or decision rule, all named at once.
    /// </summary>
    /// <param name="runningSponsorshipsOfGroup">How many of the group's sponsorships run on <paramref name="today"/>
    /// (<see cref="IsRunningOn"/>), compared with <see cref="ProgrammeRuleSet.MaxConcurrentSponsorships"/>.</param>
    /// <param name="programmeEnd">The programme's last day (<see cref="ProgrammeRuleSet.ProgrammeEnd"/>), null while it is open-ended.</param>
    public static Sponsorship Match(MentoringGroup group, Household household, ProgrammeRuleSet ruleSet, string? ruleSetReason,
        Apartment apartment, EscrowAccount escrowAccount, int runningSponsorshipsOfGroup, DateOnly? programmeEnd, DateOnly today,
        Actor actor, DateTime nowUtc)
    {
        var errors = MatchIntegrityErrors(group, household, ruleSet, ruleSetReason)
            .Concat(MatchDecisionErrors(group, ruleSet, runningSponsorshipsOfGroup, programmeEnd, today)).ToList();
        if (errors.Count > 0) throw new DomainException(errors);
        return Create(group, household, ruleSet, ruleSetReason, apartment, escrowAccount, today, actor, nowUtc);
    }

    /// <summary>
    /// Takes over a match made in the past (the import of the programme's history): the integrity rules
    /// refuse as in <see cref="Match"/>, the decision rules (<see cref="MatchDecisionErrors"/>) are only
    /// returned as warnings, for the person importing to see.
    /// </summary>
    /// <param name="runningSponsorshipsOfGroup">How many of the group's sponsorships ran on <paramref name="matchedOn"/>
    /// (<see cref="IsRunningOn"/>, judged on their dates: imported sponsorships are not completed yet).</param>
    /// <param name="programmeEnd">The programme's last day, null while it is open-ended.</param>
    /// <param name="matchedOn">The historical date of the match; it becomes <see cref="MatchedOn"/>.</param>
    public static HistoricalMatch RecordHistoricalMatch(MentoringGroup group, Household household, ProgrammeRuleSet ruleSet, string? ruleSetReason,
        Apartment apartment, EscrowAccount escrowAccount, int runningSponsorshipsOfGroup, DateOnly? programmeEnd, DateOnly matchedOn,
        Actor actor, DateTime nowUtc)
    {
        var errors = MatchIntegrityErrors(group, household, ruleSet, ruleSetReason);
        if (errors.Count > 0) throw new DomainException(errors);
        var warnings = MatchDecisionErrors(group, ruleSet, runningSponsorshipsOfGroup, programmeEnd, matchedOn);
        return new HistoricalMatch(Create(group, household, ruleSet, ruleSetReason, apartment, escrowAccount, matchedOn, actor, nowUtc), warnings);
    }

    /// <summary>
    /// The decision rules of a match on <paramref name="matchedOn"/>: no new match after the programme's
    /// end, and no more sponsorships at once than the rule set allows. Errors for a match made now,
    /// warnings for one taken over from history.
    /// </summary>
    /// <param name="runningSponsorshipsOfGroup">How many of the group's sponsorships run on <paramref name="matchedOn"/>.</param>
    /// <param name="programmeEnd">The programme's last day, null while it is open-ended.</param>
    public static IReadOnlyList<DomainError> MatchDecisionErrors(MentoringGroup group, ProgrammeRuleSet ruleSet, int runningSponsorshipsOfGroup,
        DateOnly? programmeEnd, DateOnly matchedOn)
    {
        var errors = new List<DomainError>();
        if (programmeEnd is { } end && matchedOn > end)
            errors.Add(new DomainError("Das Programm NesT endete am {0:dd.MM.yyyy}; seitdem sind keine neuen Vermittlungen mehr möglich.", end));
        if (runningSponsorshipsOfGroup >= ruleSet.MaxConcurrentSponsorships)
            errors.Add(ruleSet.MaxConcurrentSponsorships == 1
                ? new DomainError("Die Gruppe „{0}“ begleitet am {1:dd.MM.yyyy} bereits eine Familie; nach den Regeln „{2}“ ist eine neue Vermittlung erst nach deren Ende möglich.",
                    group.Name, matchedOn, ruleSet.Name)
                : new DomainError("Die Gruppe „{0}“ begleitet am {1:dd.MM.yyyy} bereits {2} Familien; nach den Regeln „{3}“ darf sie höchstens {4} zugleich begleiten.",
                    group.Name, matchedOn, runningSponsorshipsOfGroup, ruleSet.Name, ruleSet.MaxConcurrentSponsorships));
        return errors;
    }

    /// <summary>The integrity rules of a match: they hold for a match made now and one taken over from history alike.</summary>
    public static IReadOnlyList<DomainError> MatchIntegrityErrors(MentoringGroup group, Household household, ProgrammeRuleSet ruleSet, string? ruleSetReason)
    {
        var errors = new List<DomainError>();
        if (group.Status != GroupStatus.Approved)
            errors.Add(new DomainError("Die Gruppe „{0}“ ist nicht freigegeben; nur freigegebene Gruppen können vermittelt werden.", group.Name));
        if (group.IsMemberDataErased)
            errors.Add(new DomainError("Die Daten der Mitglieder der Gruppe „{0}“ sind nach Ablauf der Aufbewahrungsfrist gelöscht; sie kann keine Familie mehr aufnehmen.", group.Name));
        if (household.IsErased)
            errors.Add(new DomainError("Die Daten der Familie {0} sind nach Ablauf der Aufbewahrungsfrist gelöscht; sie kann nicht mehr vermittelt werden.", household.Reference));
        if (household.IsMatched)
            errors.Add(new DomainError("Die Familie {0} ist bereits einer Gruppe vermittelt.", household.Reference));
        if (household.Persons.Count == 0)
            errors.Add(new DomainError("Die Familie {0} hat noch keine Personen; erfassen Sie sie vor der Vermittlung.", household.Reference));
        var reason = Reason(ruleSetReason);
        // Only a submitted group has rules to depart from; a draft is refused above for what it is.
        if (group.RuleSetId is { } groupRules && ruleSet.Id != groupRules && reason is null)
            errors.Add(new DomainError("Die Gruppe wurde nach anderen Regeln eingereicht; bitte begründen Sie die Wahl von „{0}“.", ruleSet.Name));
        if (reason is { Length: > ReasonMaxLength })
            errors.Add(new DomainError("Die Begründung darf höchstens {0} Zeichen lang sein.", ReasonMaxLength));
        return errors;
    }

    /// <summary>
    /// Whether the sponsorship runs on <paramref name="date"/>: matched by then, and its obligations not
    /// over (rent to its last day, support to the household's last day of support). Judged on dates, not
    /// on the status, so that a group may sponsor one family after another in history that the rent run
    /// has not completed yet; a completed sponsorship runs until the day it was completed.
    /// </summary>
    /// <param name="supportEndsOn">The household's last day of support under this sponsorship
    /// (<c>household.SupportEndsOn(SupportMonths)</c>); null while nobody has arrived, so support has not even begun.</param>
    public bool IsRunningOn(DateOnly date, DateOnly? supportEndsOn)
    {
        if (date < MatchedOn) return false;
        if (Status == SponsorshipStatus.Completed && !(CompletedOn is { } completed && completed > date)) return false;
        if (supportEndsOn is not { } supportEnd) return true;
        var lastDay = RentEndsOn is { } rentEnd && rentEnd > supportEnd ? rentEnd : supportEnd;
        return date <= lastDay;
    }

    private static string? Reason(string? ruleSetReason) => string.IsNullOrWhiteSpace(ruleSetReason) ? null : ruleSetReason.Trim();

    private static Sponsorship Create(MentoringGroup group, Household household, ProgrammeRuleSet ruleSet, string? ruleSetReason,
        Apartment apartment, EscrowAccount escrowAccount, DateOnly matchedOn, Actor actor, DateTime nowUtc)
    {
        household.MarkMatched();
        group.MarkMatched();
        var sponsorship = new Sponsorship
        {
            GroupId = group.Id,
            HouseholdId = household.Id,
            Apartment = apartment,
            EscrowAccount = escrowAccount,
            SupportMonths = ruleSet.SupportMonths,
            Status = SponsorshipStatus.Running,
            MatchedOn = matchedOn,
            MatchedByName = actor.Name,
            CreatedAtUtc = nowUtc,
        };
        sponsorship.ApplyRuleSet(ruleSet, ruleSet.Id == group.RuleSetId ? null : Reason(ruleSetReason));
        return sponsorship;
    }
}
