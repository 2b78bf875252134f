using NestPortal.Domain.Common;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Programme;

namespace NestPortal.Domain.MentoringGroups;

/// <summary>
/// A mentoring group (Mentorengruppe): its members, main contacts, support plan and the steps of its
/// review. The group is the only way to change its members, so its rules always hold.
/// </summary>
public sealed partial class MentoringGroup
{
    public const int NameMaxLength = 200;
    public const int SupportPlanMaxLength = 8000;

    private readonly List<Mentor> _members = [];
    private readonly List<GroupHistoryEntry> _history = [];

    public int Id { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public Ags HomeMunicipalityAgs { get; private set; }
    public string? SupportPlan { get; private set; }
    public GroupStatus Status { get; private set; }
    public string CreatedByUserId { get; private set; } = string.Empty;
    public DateTime CreatedAtUtc { get; private set; }
    public DateOnly? SubmittedOn { get; private set; }
    public int? RuleSetId { get; private set; }
    public DateOnly? SecurityCheckDate { get; private set; }
    public SecurityCheckResult? SecurityCheckResult { get; private set; }
    public string? ReviewRemarks { get; private set; }

    /// <summary>Changes with every command, so two people saving the same group cannot overwrite each other.</summary>
    public Guid ConcurrencyStamp { get; private set; }

    /// <summary>The day the members' personal data was erased after the retention period.</summary>
    public DateOnly? MemberDataErasedOn { get; private set; }

    public bool IsMemberDataErased => MemberDataErasedOn is not null;

    /// <summary>The time of the group's last recorded step: where the retention of an inactive group starts.</summary>
    public DateTime LastActivityAtUtc => _history.Count == 0 ? CreatedAtUtc : _history.Max(h => h.OccurredAtUtc);

    public IReadOnlyCollection<Mentor> Members => _members.AsReadOnly();
    public IReadOnlyCollection<GroupHistoryEntry> History => _history.AsReadOnly();

    private MentoringGroup()
    {
    }

    public static MentoringGroup Register(string name, Ags homeMunicipality, Actor actor, DateTime nowUtc)
    {
        var group = new MentoringGroup
        {
            CreatedByUserId = actor.UserId,
            CreatedAtUtc = nowUtc,
            Status = GroupStatus.Draft,
        };
        group.SetName(name);
        group.HomeMunicipalityAgs = homeMunicipality;
        group.Record(nowUtc, actor, GroupAction.Created, null);
        return group;
    }

    public bool IsEditableByGroup => Status is GroupStatus.Draft or GroupStatus.Returned;

    public int MainContactCount => _members.Count(m => m.IsMainContact);

    /// <summary>
    /// A member reaches the group through their account's address; when the person confirms a new address
    /// for their account, their member records follow it, whatever the group's status, so they keep their
    /// group (and a group they left keeps refusing them). Erased members have no address to follow.
    /// Returns how many member records moved.
    /// </summary>
    public int FollowAddressChange(string oldEmail, string newEmail)
    {
        var from = Mentor.NormaliseEmail(oldEmail);
        var moving = _members.Where(m => !m.IsErased && m.Email == from).ToList();
        foreach (var member in moving) member.MoveTo(newEmail);
        return moving.Count;
    }

    /// <summary>
    /// A mentor sees a group they created, or one that lists their (confirmed) email as a member,
    /// so the other members can sign up and work on the same group; not after they left it.
    /// </summary>
    public bool IsAccessibleTo(string userId, string? email)
    {
        // Once the members' data is erased nobody is recognised as a member any more.
        if (IsMemberDataErased) return false;
        var normalised = email is null ? null : Mentor.NormaliseEmail(email);
        // A member who left (early departure) loses access, also when they created the group.
        if (normalised is not null && _members.Any(m => m.Email == normalised && m.HasLeft)) return false;
        return CreatedByUserId == userId || (normalised is not null && _members.Any(m => m.Email == normalised));
    }

    public void ChangeDetails(string name, Ags homeMunicipality, string? supportPlan, Actor actor, DateTime nowUtc)
    {
        if (IsMemberDataErased)
            throw new DomainException("Die Daten der Mitglieder dieser Gruppe sind nach Ablauf der Aufbewahrungsfrist gelöscht worden; die Gruppe kann nicht mehr geändert werden.");
        EnsureEditableByGroup();
        var plan = string.IsNullOrWhiteSpace(supportPlan) ? null : supportPlan.Trim();
        if (plan is { Length: > SupportPlanMaxLength })
            throw new DomainException("Der Unterstützungsplan darf höchstens {0} Zeichen lang sein.", SupportPlanMaxLength);
        SetName(name);
        HomeMunicipalityAgs = homeMunicipality;
        SupportPlan = plan;
        Record(nowUtc, actor, GroupAction.DetailsChanged, null);
    }

    /// <param name="rulesInForce">The rule set in force today, if any: it limits main contacts and legal persons.</param>
    /// <param name="statement">Whose statement the details are: typed by the group (the default), the member waits
    /// unconfirmed for their invitation; the person's own, or records from before the portal, count as confirmed.</param>
    public Mentor AddMember(MemberDetails details, ProgrammeRuleSet? rulesInForce, DateOnly today, Actor actor, DateTime nowUtc,
        MemberStatement statement = MemberStatement.ByGroup)
    {
        // An approved group may take in a new member to replace one who left (KA 5514, answer 4).
        if (Status != GroupStatus.Approved) EnsureEditableByGroup();
        var member = new Mentor(details);
        EnsureAcceptable(member, others: _members.Where(m => !m.HasLeft), rulesInForce, today);
        if (statement == MemberStatement.Own) member.Confirm(nowUtc);
        else if (statement == MemberStatement.FromRecords) member.Confirm(null);
        _members.Add(member);
        Record(nowUtc, actor, GroupAction.MemberAdded, member.DisplayName);
        ClearSecurityCheckAfterMemberChange(actor, nowUtc);
        return member;
    }

    /// <param name="statement">Whose statement the new details are. A change by the group to anything the member
    /// confirmed (all but the main-contact mark) makes it the group's statement again: the member confirms anew.
    /// A new address also withdraws the invitation sent to the old one.</param>
    public void ChangeMember(int memberId, MemberDetails details, ProgrammeRuleSet? rulesInForce, DateOnly today, Actor actor, DateTime nowUtc,
        MemberStatement statement = MemberStatement.ByGroup)
    {
        EnsureEditableByGroup();
        var member = FindMember(memberId);
        var candidate = new Mentor(details);
        EnsureAcceptable(candidate, others: _members.Where(m => m != member), rulesInForce, today);
        // Who the person is (not how to reach them) is what BAMF checked.
        var identityChanged = IdentityDiffers(member, candidate);
        var statedChanged = identityChanged || member.Email != candidate.Email || member.Phone != candidate.Phone
                            || member.TrainingDate != candidate.TrainingDate;
        var emailChanged = member.Email != candidate.Email;
        member.Apply(details);
        if (emailChanged) member.WithdrawInvitation();
        if (statement == MemberStatement.Own) member.Confirm(nowUtc);
        else if (statedChanged && statement == MemberStatement.ByGroup) member.ResetConfirmation();
        Record(nowUtc, actor, GroupAction.MemberChanged, member.DisplayName);
        if (identityChanged) ClearSecurityCheckAfterMemberChange(actor, nowUtc);
    }

    /// <summary>
    /// Gives an unconfirmed member a new invitation: <paramref name="tokenHash"/> is the hash of the token the
    /// mail carries; it replaces any earlier one, whose link stops working.
    /// </summary>
    public void InviteMember(int memberId, string tokenHash, Actor actor, DateTime nowUtc)
    {
        var member = FindMember(memberId);
        if (member.IsConfirmed) throw new DomainException("{0} hat die eigenen Angaben schon bestätigt.", member.DisplayName);
        if (member.HasLeft || member.IsErased) throw new DomainException("Dieses Mitglied gehört nicht mehr zur Gruppe.");
        if (string.IsNullOrWhiteSpace(tokenHash)) throw new ArgumentException("An invitation needs a token hash.", nameof(tokenHash));
        member.Invite(tokenHash, nowUtc);
        Record(nowUtc, actor, GroupAction.MemberInvited, member.DisplayName);
    }

    /// <summary>
    /// The member states their own details: corrections are taken (the address, the account's, and the
    /// main-contact mark, the group's decision, stay), the member counts as confirmed, and the invitation is
    /// used up. The caller makes sure <paramref name="actor"/> is the member (signed in with the member's address).
    /// Once the group is submitted or approved the details can only be confirmed as they are.
    /// </summary>
    public void ConfirmOwnDetails(int memberId, MemberDetails details, ProgrammeRuleSet? rulesInForce, DateOnly today, Actor actor, DateTime nowUtc)
    {
        if (IsMemberDataErased)
            throw new DomainException("Die Daten der Mitglieder dieser Gruppe sind nach Ablauf der Aufbewahrungsfrist gelöscht worden; die Gruppe kann nicht mehr geändert werden.");
        var member = FindMember(memberId);
        if (member.HasLeft) throw new DomainException("Dieses Mitglied gehört nicht mehr zur Gruppe.");
        var candidate = new Mentor(details with { Email = member.Email, IsMainContact = member.IsMainContact });
        var identityChanged = IdentityDiffers(member, candidate);
        var changed = identityChanged || member.Phone != candidate.Phone || member.TrainingDate != candidate.TrainingDate;
        if (changed)
        {
            if (!IsEditableByGroup)
                throw new DomainException("Die Gruppe ist eingereicht oder freigegeben; Ihre Angaben können Sie jetzt nur bestätigen. Änderungen teilen Sie bitte dem Kompetenzzentrum mit.");
            EnsureAcceptable(candidate, others: _members.Where(m => m != member && !m.HasLeft), rulesInForce, today);
            member.Apply(details with { Email = member.Email, IsMainContact = member.IsMainContact });
        }

        member.Confirm(nowUtc);
        Record(nowUtc, actor, GroupAction.MemberConfirmed, member.DisplayName);
        if (identityChanged) ClearSecurityCheckAfterMemberChange(actor, nowUtc);
    }

    /// <summary>Active members whose details still wait for their own confirmation.</summary>
    public IReadOnlyList<Mentor> UnconfirmedMembers => _members.Where(m => !m.HasLeft && !m.IsErased && !m.IsConfirmed).ToList();

    private static bool IdentityDiffers(Mentor member, Mentor candidate) =>
        member.Kind != candidate.Kind || member.GivenName != candidate.GivenName || member.FamilyName != candidate.FamilyName
        || member.DateOfBirth != candidate.DateOfBirth || member.OrganisationName != candidate.OrganisationName
        || member.RepresentativeName != candidate.RepresentativeName;

    public void RemoveMember(int memberId, Actor actor, DateTime nowUtc)
    {
        EnsureEditableByGroup();
        var member = FindMember(memberId);
        _members.Remove(member);
        Record(nowUtc, actor, GroupAction.MemberRemoved, member.DisplayName);
        ClearSecurityCheckAfterMemberChange(actor, nowUtc);
    }

    public Mentor FindMember(int memberId) =>
        _members.SingleOrDefault(m => m.Id == memberId)
        ?? throw new DomainException("Dieses Mitglied gehört nicht zu dieser Gruppe.");

    /// <summary>
    /// Everything that keeps the group from being submitted on <paramref name="date"/> under
    /// <paramref name="ruleSet"/> (the rule set in force that day, or null if none is): the facts
    /// (<see cref="CheckSubmissionFacts"/>) and the rules of the decision (<see cref="CheckSubmissionDecision"/>).
    /// </summary>
    /// <param name="programmeEnd">The programme's last day (<see cref="ProgrammeRuleSet.ProgrammeEnd"/>), null while it
    /// is open-ended: after it the refusal names the end instead of a day without rules.</param>
    public IReadOnlyList<DomainError> CheckSubmission(ProgrammeRuleSet? ruleSet, DateOnly date, DateOnly? programmeEnd = null)
    {
        if (ruleSet is null) return CheckSubmissionDecision(ruleSet, date, programmeEnd);
        return [.. CheckSubmissionDecision(ruleSet, date, programmeEnd), .. CheckSubmissionFacts(date)];
    }

    /// <summary>
    /// What must be true of any submission, also one recorded from history: every member adult on the
    /// day, no email twice, a support plan. These stay errors in an import (docs/import.md).
    /// </summary>
    public IReadOnlyList<DomainError> CheckSubmissionFacts(DateOnly date)
    {
        var errors = new List<DomainError>();
        foreach (var member in _members.Where(m => !m.IsAdultOn(date)))
            errors.Add(new DomainError("{0} ist am {1:dd.MM.yyyy} noch nicht volljährig.", member.DisplayName, date));
        foreach (var duplicate in _members.GroupBy(m => m.Email).Where(g => g.Count() > 1))
            errors.Add(new DomainError("Die E-Mail-Adresse {0} ist mehreren Mitgliedern zugeordnet.", duplicate.Key));
        if (SupportPlan is null)
            errors.Add(new DomainError("Der Unterstützungsplan fehlt."));
        return errors;
    }

    /// <summary>
    /// The rules the competence centre applies when it decides on a submission now: a rule set in force
    /// that day, the minimum staffing, the main contacts, legal persons, training before submission. A
    /// submission taken over from history happened already; an import reports these as warnings.
    /// </summary>
    /// <param name="programmeEnd">As for <see cref="CheckSubmission"/>: the programme's last day, null while it is open-ended.</param>
    public IReadOnlyList<DomainError> CheckSubmissionDecision(ProgrammeRuleSet? ruleSet, DateOnly date, DateOnly? programmeEnd = null)
    {
        var errors = new List<DomainError>();
        if (ruleSet is null)
        {
            errors.Add(programmeEnd is { } end && date > end
                ? new DomainError("Das Programm NesT endete am {0:dd.MM.yyyy}; seitdem sind keine Einreichungen mehr möglich.", end)
                : new DomainError("Am {0:dd.MM.yyyy} gelten keine Programmregeln; eine Einreichung ist an diesem Tag nicht möglich.", date));
            return errors;
        }

        if (_members.Count < ruleSet.MinimumMembers)
            errors.Add(_members.Count == 1
                ? new DomainError("Die Gruppe hat 1 Mitglied; nach den Regeln „{1}“ braucht sie mindestens {2}.", _members.Count, ruleSet.Name, ruleSet.MinimumMembers)
                : new DomainError("Die Gruppe hat {0} Mitglieder; nach den Regeln „{1}“ braucht sie mindestens {2}.", _members.Count, ruleSet.Name, ruleSet.MinimumMembers));
        if (!ruleSet.Covers(date))
            errors.Add(new DomainError("Die Regeln „{0}“ gelten am {1:dd.MM.yyyy} nicht.", ruleSet.Name, date));
        if (MainContactCount != ruleSet.RequiredMainContacts)
            errors.Add(MainContactCount == 1
                ? new DomainError("Es ist 1 Hauptansprechperson markiert; die Gruppe braucht genau {1}.", MainContactCount, ruleSet.RequiredMainContacts)
                : new DomainError("Es sind {0} Hauptansprechpersonen markiert; die Gruppe braucht genau {1}.", MainContactCount, ruleSet.RequiredMainContacts));
        // The competence centre relies on each member's own statement (ADR 0028).
        if (UnconfirmedMembers is { Count: > 0 } unconfirmed)
            errors.Add(new DomainError("Noch nicht bestätigt: {0}. Jedes Mitglied bestätigt seine Angaben über den Link in seiner Einladung.",
                string.Join(", ", unconfirmed.Select(m => m.DisplayName))));
        foreach (var member in _members)
        {
            if (member.Kind == MemberKind.LegalPerson && !ruleSet.LegalPersonsAllowed)
                errors.Add(new DomainError("{0} ist eine juristische Person; nach den Regeln „{1}“ können nur volljährige Einzelpersonen Mitglied sein.", member.DisplayName, ruleSet.Name));
            if (!member.IsTrainedBy(date))
                errors.Add(new DomainError("Für {0} ist keine abgeschlossene Schulung ({1}) eingetragen.", member.DisplayName, ruleSet.TrainingRequirement));
        }

        return errors;
    }

    /// <summary>Submits the group under the rule set in force on <paramref name="today"/>, or names every gap.</summary>
    /// <param name="programmeEnd">As for <see cref="CheckSubmission"/>: the programme's last day, null while it is open-ended.</param>
    public void Submit(ProgrammeRuleSet? ruleSet, DateOnly today, Actor actor, DateTime nowUtc, DateOnly? programmeEnd = null)
    {
        EnsureEditableByGroup();
        var errors = CheckSubmission(ruleSet, today, programmeEnd);
        if (errors.Count > 0) throw new DomainException(errors);
        MarkSubmitted(ruleSet!, today, actor, nowUtc);
    }

    /// <summary>
    /// Records a submission that happened on <paramref name="submittedOn"/> under <paramref name="ruleSet"/>
    /// (an imported history): the facts must hold, the decision's rules of that day are returned as
    /// warnings, since the decision was taken then and cannot be taken again.
    /// </summary>
    public IReadOnlyList<DomainError> RecordPastSubmission(ProgrammeRuleSet ruleSet, DateOnly submittedOn, DateOnly today, Actor actor, DateTime nowUtc)
    {
        EnsureEditableByGroup();
        var errors = CheckSubmissionFacts(submittedOn).ToList();
        if (submittedOn > today)
            errors.Add(new DomainError("Das Datum ({0:dd.MM.yyyy}) liegt in der Zukunft.", submittedOn));
        if (errors.Count > 0) throw new DomainException(errors);
        var warnings = CheckSubmissionDecision(ruleSet, submittedOn);
        MarkSubmitted(ruleSet, submittedOn, actor, nowUtc);
        return warnings;
    }

    private void MarkSubmitted(ProgrammeRuleSet ruleSet, DateOnly submittedOn, Actor actor, DateTime nowUtc)
    {
        Status = GroupStatus.Submitted;
        SubmittedOn = submittedOn;
        RuleSetId = ruleSet.Id;
        Record(nowUtc, actor, GroupAction.Submitted, ruleSet.Name);
    }

    public void RecordSecurityCheck(DateOnly checkedOn, SecurityCheckResult result, DateOnly today, Actor actor, DateTime nowUtc)
    {
        EnsureStatus(GroupStatus.Submitted, "Die Sicherheitsüberprüfung kann nur für eingereichte Gruppen erfasst werden.");
        if (checkedOn > today)
            throw new DomainException("Das Datum der Sicherheitsüberprüfung ({0:dd.MM.yyyy}) liegt in der Zukunft.", checkedOn);
        if (SubmittedOn is { } submitted && checkedOn < submitted.AddYears(-1))
            throw new DomainException("Das Datum der Sicherheitsüberprüfung ({0:dd.MM.yyyy}) liegt mehr als ein Jahr vor der Einreichung.", checkedOn);
        SecurityCheckDate = checkedOn;
        SecurityCheckResult = result;
        Record(nowUtc, actor, GroupAction.SecurityCheckRecorded, result == MentoringGroups.SecurityCheckResult.Passed ? "ohne Bedenken" : "mit Bedenken");
    }

    public void Approve(Actor actor, DateTime nowUtc)
    {
        EnsureStatus(GroupStatus.Submitted, "Nur eingereichte Gruppen können freigegeben werden.");
        if (SecurityCheckResult != MentoringGroups.SecurityCheckResult.Passed)
            throw new DomainException("Eine Gruppe kann erst nach einer Sicherheitsüberprüfung ohne Bedenken freigegeben werden.");
        Status = GroupStatus.Approved;
        ReviewRemarks = null;
        Record(nowUtc, actor, GroupAction.Approved, null);
    }

    public void ReturnForChanges(string remarks, Actor actor, DateTime nowUtc)
    {
        EnsureStatus(GroupStatus.Submitted, "Nur eingereichte Gruppen können zurückgegeben werden.");
        if (string.IsNullOrWhiteSpace(remarks))
            throw new DomainException("Bitte schreiben Sie der Gruppe, was sie ändern soll.");
        Status = GroupStatus.Returned;
        ReviewRemarks = remarks.Trim();
        // BAMF's check stays: it is about the persons, and a return usually asks for other things (the plan,
        // a date). A change of the members clears it (ClearSecurityCheckAfterMemberChange).
        Record(nowUtc, actor, GroupAction.Returned, ReviewRemarks);
    }

    /// <summary>
    /// A returned group whose members change needs BAMF's check again for the persons it now has: the
    /// recorded check is cleared, and the history says why.
    /// </summary>
    private void ClearSecurityCheckAfterMemberChange(Actor actor, DateTime nowUtc)
    {
        if (Status != GroupStatus.Returned || SecurityCheckDate is null) return;
        SecurityCheckDate = null;
        SecurityCheckResult = null;
        Record(nowUtc, actor, GroupAction.SecurityCheckCleared, "Mitglieder geändert");
    }

    private void EnsureAcceptable(Mentor candidate, IEnumerable<Mentor> others, ProgrammeRuleSet? rulesInForce, DateOnly today)
    {
        var errors = new List<DomainError>();
        var otherMembers = others.ToList();
        if (candidate.Email.Length == 0 || !candidate.Email.Contains('@'))
            errors.Add(new DomainError("Bitte geben Sie eine gültige E-Mail-Adresse an."));
        else if (otherMembers.Any(m => m.Email == candidate.Email))
            errors.Add(new DomainError("Die E-Mail-Adresse {0} gehört schon zu einem anderen Mitglied dieser Gruppe.", candidate.Email));
        if (candidate.Kind == MemberKind.NaturalPerson)
        {
            if (string.IsNullOrWhiteSpace(candidate.GivenName) || string.IsNullOrWhiteSpace(candidate.FamilyName))
                errors.Add(new DomainError("Bitte geben Sie Vor- und Nachnamen an."));
            if (candidate.DateOfBirth is not { } born)
                errors.Add(new DomainError("Bitte geben Sie das Geburtsdatum an."));
            else if (born > today)
                errors.Add(new DomainError("Das Geburtsdatum ({0:dd.MM.yyyy}) liegt in der Zukunft.", born));
            else if (!candidate.IsAdultOn(today))
                errors.Add(new DomainError("Mitglieder müssen volljährig sein; {0} ist erst am {1:dd.MM.yyyy} 18 Jahre alt.", candidate.DisplayName, candidate.OfAgeOn!.Value));
        }
        else
        {
            if (string.IsNullOrWhiteSpace(candidate.OrganisationName) || string.IsNullOrWhiteSpace(candidate.RepresentativeName))
                errors.Add(new DomainError("Bitte geben Sie den Namen der Organisation und der vertretenden Person an."));
            if (rulesInForce is { LegalPersonsAllowed: false })
                errors.Add(new DomainError("Nach den Regeln „{0}“ können keine juristischen Personen Mitglied sein.", rulesInForce.Name));
        }

        if (candidate.TrainingDate is { } trained && trained > today)
            errors.Add(new DomainError("Das Schulungsdatum ({0:dd.MM.yyyy}) liegt in der Zukunft; tragen Sie es nach der Schulung ein.", trained));
        var maxMainContacts = rulesInForce?.RequiredMainContacts ?? int.MaxValue;
        if (candidate.IsMainContact && otherMembers.Count(m => m.IsActiveMainContact) >= maxMainContacts)
            errors.Add(maxMainContacts == 1
                ? new DomainError("Es gibt schon 1 Hauptansprechperson. Nehmen Sie zuerst bei ihr die Markierung zurück.", maxMainContacts)
                : new DomainError("Es gibt schon {0} Hauptansprechpersonen. Nehmen Sie zuerst bei einem anderen Mitglied die Markierung zurück.", maxMainContacts));
        if (errors.Count > 0) throw new DomainException(errors);
    }

    private void SetName(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Bitte geben Sie einen Gruppennamen an.");
        if (name.Trim().Length > NameMaxLength) throw new DomainException("Der Gruppenname darf höchstens {0} Zeichen lang sein.", NameMaxLength);
        Name = name.Trim();
    }

    private void EnsureEditableByGroup()
    {
        if (!IsEditableByGroup)
            throw new DomainException("Die Gruppe ist eingereicht und kann erst wieder bearbeitet werden, wenn das Kompetenzzentrum sie zurückgibt.");
    }

    private void EnsureStatus(GroupStatus expected, string message)
    {
        if (Status != expected) throw new DomainException(message);
    }

    /// <summary>
    /// A match of the group renews its stamp, so two staff matching the same group at the same moment
    /// cannot both save: the second is told to check again (the rule-set maximum of sponsorships at
    /// once depends on what the group already carries, which no unique index can hold).
    /// </summary>
    internal void MarkMatched() => ConcurrencyStamp = Guid.NewGuid();

    /// <summary>
    /// Erases the members' personal data once the retention period has passed; the group, its status,
    /// its home municipality and the members' statistical facts (kind, training, leaving) remain.
    /// <paramref name="memberAccountIds"/> are the portal accounts of members: their names leave the
    /// history too. Idempotent.
    /// </summary>
    public void EraseMemberData(DateOnly today, IReadOnlySet<string> memberAccountIds)
    {
        if (IsMemberDataErased) return;
        foreach (var member in _members) member.Erase(today);
        foreach (var entry in _history) entry.EraseNames(memberAccountIds.Contains(entry.ActorUserId));
        SupportPlan = null;
        ReviewRemarks = null;
        MemberDataErasedOn = today;
        ConcurrencyStamp = Guid.NewGuid();
    }

    /// <summary>
    /// A member deletes their account (GDPR Art. 17): their details in this group are erased, and their
    /// name leaves the group's history; what the group did stays. Refused while the group sponsors a
    /// family (<paramref name="groupSponsorsNow"/>): then the competence centre still needs them.
    /// </summary>
    public void EraseMemberOnRequest(string email, string accountId, bool groupSponsorsNow, DateOnly today)
    {
        if (groupSponsorsNow)
            throw new DomainException("Die Gruppe „{0}“ begleitet eine Familie; solange brauchen das Kompetenzzentrum und die Familie Ihre Angaben.", Name);
        var normalised = Mentor.NormaliseEmail(email);
        var members = _members.Where(m => !m.IsErased && m.Email == normalised).ToList();
        var names = members.Select(m => m.DisplayName).ToHashSet();
        foreach (var entry in _history.Where(h => h.ActorUserId == accountId || (h.Details is { } d && names.Contains(d))))
            entry.EraseNames(entry.ActorUserId == accountId);
        // A group still being put together loses the member outright (nothing was decided on them, and an
        // erased member would fail its submission checks); a submitted group keeps the record, erased.
        foreach (var member in members)
        {
            if (Status is GroupStatus.Draft or GroupStatus.Returned) _members.Remove(member);
            else member.Erase(today);
        }

        ConcurrencyStamp = Guid.NewGuid();
    }

    private void Record(DateTime nowUtc, Actor actor, GroupAction action, string? details)
    {
        _history.Add(new GroupHistoryEntry(nowUtc, actor, action, details));
        ConcurrencyStamp = Guid.NewGuid();
    }
}
