using NestPortal.Domain.Common;
using NestPortal.Domain.Programme;

namespace NestPortal.Domain.MentoringGroups;

/// <summary>
/// Early departures (KA 5514, answer 4): a member leaving an approved group, a replacement main
/// contact, and the group dissolving. None of them touches the household or the rent, which continues
/// from the account; they only make the group and staff see what needs mending.
/// </summary>
public sealed partial class MentoringGroup
{
    public const int ReasonMaxLength = 500;

    public DateOnly? DissolvedOn { get; private set; }
    public string? DissolutionReason { get; private set; }

    public IEnumerable<Mentor> ActiveMembers => _members.Where(m => !m.HasLeft);

    public int ActiveMainContactCount => _members.Count(m => m.IsActiveMainContact);

    /// <summary>Records that a member left; a draft group removes the member instead.</summary>
    public void RecordMemberLeaving(int memberId, DateOnly leftOn, string reason, DateOnly today, Actor actor, DateTime nowUtc) =>
        RecordMemberLeaving(FindMember(memberId), leftOn, reason, today, actor, nowUtc);

    /// <summary>The same for a member not saved yet (an import builds the group and its departures before any id exists).</summary>
    public void RecordMemberLeaving(Mentor member, DateOnly leftOn, string reason, DateOnly today, Actor actor, DateTime nowUtc)
    {
        if (!_members.Contains(member)) throw new DomainException("Dieses Mitglied gehört nicht zu dieser Gruppe.");
        var errors = new List<DomainError>();
        if (Status != GroupStatus.Approved)
            errors.Add(new DomainError("Ein Ausscheiden wird nur für freigegebene Gruppen erfasst; vorher entfernen Sie das Mitglied einfach."));
        if (member.HasLeft)
            errors.Add(new DomainError("{0} ist bereits am {1:dd.MM.yyyy} ausgeschieden.", member.DisplayName, member.LeftOn!.Value));
        CheckPastDate(leftOn, today, errors);
        var text = CheckReason(reason, errors);
        if (errors.Count > 0) throw new DomainException(errors);

        member.Leave(leftOn, text);
        Record(nowUtc, actor, GroupAction.MemberLeft, member.DisplayName);
    }

    /// <summary>Makes an active member a main contact, replacing one who left.</summary>
    public void AppointMainContact(int memberId, ProgrammeRuleSet ruleSet, Actor actor, DateTime nowUtc)
    {
        var member = FindMember(memberId);
        var errors = new List<DomainError>();
        if (Status != GroupStatus.Approved)
            errors.Add(new DomainError("Hauptansprechpersonen werden hier nur für freigegebene Gruppen neu benannt; sonst bearbeiten Sie das Mitglied."));
        if (member.HasLeft)
            errors.Add(new DomainError("{0} ist ausgeschieden und kann keine Hauptansprechperson werden.", member.DisplayName));
        else if (member.IsMainContact)
            errors.Add(new DomainError("{0} ist bereits Hauptansprechperson.", member.DisplayName));
        else if (ActiveMainContactCount >= ruleSet.RequiredMainContacts)
            errors.Add(ruleSet.RequiredMainContacts == 1
                ? new DomainError("Es gibt schon 1 Hauptansprechperson.", ruleSet.RequiredMainContacts)
                : new DomainError("Es gibt schon {0} Hauptansprechpersonen.", ruleSet.RequiredMainContacts));
        if (errors.Count > 0) throw new DomainException(errors);

        member.AppointMainContact();
        Record(nowUtc, actor, GroupAction.MainContactAppointed, member.DisplayName);
    }

    /// <summary>What the group must mend after departures: too few active members or main contacts for its rule set.</summary>
    public IReadOnlyList<DomainError> StaffingWarnings(ProgrammeRuleSet ruleSet)
    {
        if (Status != GroupStatus.Approved) return [];
        var warnings = new List<DomainError>();
        var active = ActiveMembers.Count();
        if (active < ruleSet.MinimumMembers)
            warnings.Add(active switch
            {
                0 => new DomainError("Die Gruppe hat kein aktives Mitglied mehr; nach den Regeln „{1}“ braucht sie mindestens {2}. Bitte nehmen Sie ein neues Mitglied auf.", active, ruleSet.Name, ruleSet.MinimumMembers),
                1 => new DomainError("Die Gruppe hat nur noch 1 aktives Mitglied; nach den Regeln „{1}“ braucht sie mindestens {2}. Bitte nehmen Sie ein neues Mitglied auf.", active, ruleSet.Name, ruleSet.MinimumMembers),
                _ => new DomainError("Die Gruppe hat nur noch {0} aktive Mitglieder; nach den Regeln „{1}“ braucht sie mindestens {2}. Bitte nehmen Sie ein neues Mitglied auf.", active, ruleSet.Name, ruleSet.MinimumMembers),
            });
        var mainContacts = ActiveMainContactCount;
        if (mainContacts < ruleSet.RequiredMainContacts)
            warnings.Add(mainContacts switch
            {
                0 => new DomainError("Es gibt keine Hauptansprechperson mehr; die Gruppe braucht {1}. Bitte benennen Sie eine neue.", mainContacts, ruleSet.RequiredMainContacts),
                1 => new DomainError("Es gibt nur noch 1 Hauptansprechperson; die Gruppe braucht {1}. Bitte benennen Sie eine neue.", mainContacts, ruleSet.RequiredMainContacts),
                _ => new DomainError("Es gibt nur noch {0} Hauptansprechpersonen; die Gruppe braucht {1}. Bitte benennen Sie eine neue.", mainContacts, ruleSet.RequiredMainContacts),
            });
        return warnings;
    }

    /// <summary>Records that the group ended; a running sponsorship's rent continues from the account to its end.</summary>
    public void Dissolve(DateOnly dissolvedOn, string reason, DateOnly today, Actor actor, DateTime nowUtc)
    {
        var errors = new List<DomainError>();
        if (Status != GroupStatus.Approved)
            errors.Add(new DomainError("Nur eine freigegebene Gruppe kann aufgelöst werden."));
        CheckPastDate(dissolvedOn, today, errors);
        var text = CheckReason(reason, errors);
        if (errors.Count > 0) throw new DomainException(errors);

        Status = GroupStatus.Dissolved;
        DissolvedOn = dissolvedOn;
        DissolutionReason = text;
        Record(nowUtc, actor, GroupAction.Dissolved, text);
    }

    private void CheckPastDate(DateOnly date, DateOnly today, List<DomainError> errors)
    {
        if (date > today)
            errors.Add(new DomainError("Das Datum ({0:dd.MM.yyyy}) liegt in der Zukunft.", date));
        else if (SubmittedOn is { } submitted && date < submitted)
            errors.Add(new DomainError("Das Datum ({0:dd.MM.yyyy}) liegt vor der Einreichung der Gruppe ({1:dd.MM.yyyy}).", date, submitted));
    }

    private static string CheckReason(string? reason, List<DomainError> errors)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > ReasonMaxLength)
        {
            errors.Add(new DomainError("Bitte geben Sie einen Grund an (höchstens {0} Zeichen).", ReasonMaxLength));
            return string.Empty;
        }

        return reason.Trim();
    }
}
