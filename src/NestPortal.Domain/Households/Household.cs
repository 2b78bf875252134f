using NestPortal.Domain.Common;
using NestPortal.Domain.Municipalities;

namespace NestPortal.Domain.Households;

/// <summary>
/// A refugee household (Familie) that arrives together and lives in one flat: its persons, its
/// allocation decisions and where it stands. Every change goes through here, so its rules hold.
/// </summary>
public sealed class Household
{
    public const int ReferenceMaxLength = 50;
    public const int SpecialNeedsMaxLength = 4000;

    private readonly List<Refugee> _persons = [];
    private readonly List<Allocation> _allocations = [];

    public int Id { get; private set; }

    /// <summary>The competence centre's case reference, unique; searched for in lists.</summary>
    public string Reference { get; private set; } = string.Empty;

    public DateOnly? ExpectedArrival { get; private set; }

    /// <summary>Free text on special needs; only competence-centre staff ever see it.</summary>
    public string? SpecialNeedsNote { get; private set; }

    public HouseholdStatus Status { get; private set; }

    /// <summary>Set when BAMF's match created the household's sponsorship.</summary>
    public bool IsMatched { get; private set; }

    /// <summary>The municipality of the current allocation, kept here so its lists filter on one column.</summary>
    public Ags? AllocatedMunicipalityAgs { get; private set; }

    /// <summary>The earliest arrival of any person, kept for lists and the arrival-year filter.</summary>
    public DateOnly? FirstArrival { get; private set; }

    /// <summary>The family name of the eldest person, kept for sorting lists.</summary>
    public string? PrincipalName { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
    public Guid ConcurrencyStamp { get; private set; }

    /// <summary>The day the household's identifying data was erased after its retention period.</summary>
    public DateOnly? ErasedOn { get; private set; }

    public bool IsErased => ErasedOn is not null;

    public IReadOnlyCollection<Refugee> Persons => _persons.AsReadOnly();
    public IReadOnlyCollection<Allocation> Allocations => _allocations.AsReadOnly();

    public Allocation? CurrentAllocation => _allocations.SingleOrDefault(a => a.IsCurrent);

    private Household()
    {
    }

    public static Household Record(string reference, DateOnly? expectedArrival, string? specialNeedsNote, DateOnly today, DateTime nowUtc)
    {
        var household = new Household { CreatedAtUtc = nowUtc, Status = HouseholdStatus.Recorded };
        household.ChangeDetails(reference, expectedArrival, specialNeedsNote, today);
        return household;
    }

    public void ChangeDetails(string reference, DateOnly? expectedArrival, string? specialNeedsNote, DateOnly today)
    {
        EnsureNotErased();
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(reference))
            errors.Add(new DomainError("Bitte geben Sie das Aktenzeichen der Familie an."));
        else if (reference.Trim().Length > ReferenceMaxLength)
            errors.Add(new DomainError("Das Aktenzeichen darf höchstens {0} Zeichen lang sein.", ReferenceMaxLength));
        if (expectedArrival is { } expected && (expected < today.AddYears(-10) || expected > today.AddYears(3)))
            errors.Add(new DomainError("Die erwartete Ankunft ({0:dd.MM.yyyy}) ist nicht plausibel.", expected));
        var note = string.IsNullOrWhiteSpace(specialNeedsNote) ? null : specialNeedsNote.Trim();
        if (note is { Length: > SpecialNeedsMaxLength })
            errors.Add(new DomainError("Der Hinweis auf besondere Bedarfe darf höchstens {0} Zeichen lang sein.", SpecialNeedsMaxLength));
        if (errors.Count > 0) throw new DomainException(errors);

        Reference = reference.Trim();
        ExpectedArrival = expectedArrival;
        SpecialNeedsNote = note;
        Changed();
    }

    /// <summary>
    /// The person recorded last whose data is still there (a household's persons are entered one after
    /// the other, a family at a time); null while there is none. Persons not yet saved count after the saved ones.
    /// </summary>
    public Refugee? LastRecordedPerson =>
        _persons.Where(p => !p.IsErased).OrderBy(p => p.Id == 0 ? int.MaxValue : p.Id).LastOrDefault();

    /// <summary>
    /// What the next person's form starts with: the family's shared details as the last person recorded
    /// has them. Null for the first person, since the household itself records none of them.
    /// </summary>
    public SharedFamilyDetails? SharedWithNextPerson() => LastRecordedPerson is { } last ? SharedFamilyDetails.Of(last) : null;

    public Refugee AddPerson(RefugeeDetails details, DateOnly today)
    {
        EnsureNotErased();
        ThrowIfAny(Refugee.Check(details, today));
        var person = new Refugee(details);
        _persons.Add(person);
        Changed();
        return person;
    }

    public void ChangePerson(int personId, RefugeeDetails details, DateOnly today)
    {
        EnsureNotErased();
        var person = FindPerson(personId);
        var errors = Refugee.Check(details, today);
        if (person.LeftOn is { } left && (details.ArrivedOn is not { } arrived || arrived > left))
            errors.Add(new DomainError("{0} ist am {1:dd.MM.yyyy} ausgeschieden; die Einreise muss davor liegen.", person.DisplayName, left));
        ThrowIfAny(errors);
        person.Apply(details);
        Changed();
    }

    /// <summary>A person recorded by mistake may be removed until they have arrived; afterwards they can only leave.</summary>
    public void RemovePerson(int personId)
    {
        EnsureNotErased();
        var person = FindPerson(personId);
        if (person.ArrivedOn is not null)
            throw new DomainException("{0} ist bereits eingereist und kann nicht gelöscht werden; erfassen Sie stattdessen ein vorzeitiges Ausscheiden.", person.DisplayName);
        if (IsMatched && _persons.Count == 1)
            throw new DomainException("Die Familie ist bereits vermittelt; die letzte Person kann nicht gelöscht werden.");
        _persons.Remove(person);
        Changed();
    }

    /// <summary>
    /// One person leaves the programme early: the group's support for them ends that day; the rent
    /// from the escrow account continues unchanged, and nothing about residence status changes.
    /// </summary>
    public void RecordDeparture(int personId, DateOnly leftOn, DepartureReason reason, string? note, DateOnly today) =>
        RecordDeparture(FindPerson(personId), leftOn, reason, note, today);

    /// <summary>The same for a person not saved yet (an import builds the household and its departures before any id exists).</summary>
    public void RecordDeparture(Refugee person, DateOnly leftOn, DepartureReason reason, string? note, DateOnly today)
    {
        EnsureNotErased();
        if (!_persons.Contains(person)) throw new DomainException("Diese Person gehört nicht zu dieser Familie.");
        ThrowIfAny(CheckDeparture(person, leftOn, reason, note, today).ToList());
        person.Leave(leftOn, reason, note);
        Changed();
    }

    /// <summary>
    /// The whole household leaves: every arrived person who has not left yet, on the same day. Persons
    /// who never arrived are not in the programme and stay as they are.
    /// </summary>
    public void RecordHouseholdDeparture(DateOnly leftOn, DepartureReason reason, string? note, DateOnly today)
    {
        EnsureNotErased();
        var remaining = _persons.Where(p => p.ArrivedOn is not null && !p.HasLeft).ToList();
        if (remaining.Count == 0 && _persons.Any(p => p.HasLeft))
            throw new DomainException("Alle eingereisten Personen der Familie sind bereits ausgeschieden.");
        if (remaining.Count == 0)
            throw new DomainException("Noch niemand aus der Familie ist eingereist; vor der Einreise kann niemand ausscheiden.");
        // A rule broken for everyone (a date in the future) is named once. DistinctBy the text, because
        // DomainError's record equality compares its argument array by reference.
        ThrowIfAny(remaining.SelectMany(p => CheckDeparture(p, leftOn, reason, note, today)).DistinctBy(e => e.Format()).ToList());
        foreach (var person in remaining) person.Leave(leftOn, reason, note);
        Changed();
    }

    /// <summary>Called by the match that creates the household's sponsorship.</summary>
    internal void MarkMatched()
    {
        if (IsMatched) throw new DomainException("Die Familie {0} ist bereits einer Gruppe vermittelt.", Reference);
        if (_persons.Count == 0) throw new DomainException("Die Familie {0} hat noch keine Personen; erfassen Sie sie vor der Vermittlung.", Reference);
        IsMatched = true;
        Changed();
    }

    /// <summary>
    /// Issues a Zuweisungsentscheidung. A household already allocated keeps its decision unless the
    /// new one explicitly supersedes it; the old one stays in the history.
    /// </summary>
    public Allocation Allocate(AllocationDecision decision, bool supersedeCurrent, DateOnly today, Actor actor, DateTime nowUtc)
    {
        var errors = new List<DomainError>();
        if (!IsMatched)
            errors.Add(new DomainError("Die Familie ist noch keiner Gruppe vermittelt; die Zuweisung folgt auf die Vermittlung."));
        var current = CurrentAllocation;
        if (current is not null && !supersedeCurrent)
            errors.Add(new DomainError("Die Familie ist bereits zugewiesen (Aktenzeichen {0}). Eine neue Entscheidung muss die bisherige ausdrücklich ersetzen.", current.FileReference));
        if (string.IsNullOrWhiteSpace(decision.FileReference))
            errors.Add(new DomainError("Bitte geben Sie das Aktenzeichen der Entscheidung an."));
        else if (decision.FileReference.Trim().Length > Allocation.FileReferenceMaxLength)
            errors.Add(new DomainError("Das Aktenzeichen darf höchstens {0} Zeichen lang sein.", Allocation.FileReferenceMaxLength));
        if (string.IsNullOrWhiteSpace(decision.LegalBasis))
            errors.Add(new DomainError("Bitte geben Sie die Rechtsgrundlage an."));
        else if (decision.LegalBasis.Trim().Length > Allocation.LegalBasisMaxLength)
            errors.Add(new DomainError("Die Rechtsgrundlage darf höchstens {0} Zeichen lang sein.", Allocation.LegalBasisMaxLength));
        if (decision.DecisionDate > today)
            errors.Add(new DomainError("Das Entscheidungsdatum ({0:dd.MM.yyyy}) liegt in der Zukunft.", decision.DecisionDate));
        if (decision.EffectiveDate < decision.DecisionDate)
            errors.Add(new DomainError("Die Zuweisung kann nicht vor der Entscheidung ({0:dd.MM.yyyy}) wirksam werden.", decision.DecisionDate));
        if (current is not null && decision.DecisionDate < current.DecisionDate)
            errors.Add(new DomainError("Die neue Entscheidung kann nicht vor der bisherigen ({0:dd.MM.yyyy}) datiert sein.", current.DecisionDate));
        ThrowIfAny(errors);

        current?.Supersede(nowUtc);
        var allocation = new Allocation(decision, actor, nowUtc);
        _allocations.Add(allocation);
        Changed();
        return allocation;
    }

    /// <summary>The municipality confirms it received the current decision addressed to it.</summary>
    public void AcknowledgeAllocation(int allocationId, Ags municipality, Actor actor, DateTime nowUtc)
    {
        var allocation = _allocations.SingleOrDefault(a => a.Id == allocationId && a.MunicipalityAgs == municipality)
            ?? throw new DomainException("Diese Zuweisung ist nicht an Ihre Kommune gerichtet.");
        if (!allocation.IsCurrent) throw new DomainException("Diese Zuweisung ist durch eine neuere Entscheidung ersetzt.");
        if (allocation.IsAcknowledged)
            throw new DomainException("Der Eingang wurde bereits am {0:dd.MM.yyyy} von {1} bestätigt.", allocation.AcknowledgedAtUtc!.Value, allocation.AcknowledgedByName!);
        allocation.Acknowledge(actor, nowUtc);
        Changed();
    }

    /// <summary>
    /// The last day the group supports anyone of the household: the latest of the persons' support
    /// ends (members may arrive apart; someone who left ends early); null before anyone arrived.
    /// </summary>
    public DateOnly? SupportEndsOn(int supportMonths) => _persons.Max(p => p.SupportEndsOn(supportMonths));

    /// <summary>
    /// Erases the identifying data of the household and its persons once its retention period has
    /// passed (see <see cref="Privacy.RetentionPeriods"/>); what the report counts stays. Idempotent.
    /// </summary>
    public void EraseIdentifyingData(DateOnly today)
    {
        if (IsErased) return;
        foreach (var person in _persons) person.Erase(today);
        SpecialNeedsNote = null;
        ErasedOn = today;
        Changed();
    }

    public Refugee FindPerson(int personId) =>
        _persons.SingleOrDefault(p => p.Id == personId)
        ?? throw new DomainException("Diese Person gehört nicht zu dieser Familie.");

    private static IEnumerable<DomainError> CheckDeparture(Refugee person, DateOnly leftOn, DepartureReason reason, string? note, DateOnly today)
    {
        if (person.HasLeft)
            yield return new DomainError("{0} ist bereits am {1:dd.MM.yyyy} ausgeschieden.", person.DisplayName, person.LeftOn!.Value);
        if (person.ArrivedOn is not { } arrived)
            yield return new DomainError("{0} ist noch nicht eingereist; vor der Einreise kann niemand ausscheiden.", person.DisplayName);
        else if (leftOn < arrived)
            yield return new DomainError("Das Ausscheiden ({0:dd.MM.yyyy}) liegt vor der Einreise von {1} ({2:dd.MM.yyyy}).", leftOn, person.DisplayName, arrived);
        if (leftOn > today)
            yield return new DomainError("Das Datum des Ausscheidens ({0:dd.MM.yyyy}) liegt in der Zukunft.", leftOn);
        if (!Enum.IsDefined(reason))
            yield return new DomainError("Bitte wählen Sie einen Grund aus der Liste.");
        if (reason == DepartureReason.Other && string.IsNullOrWhiteSpace(note))
            yield return new DomainError("Bitte beschreiben Sie den Grund „Sonstiges“ im Freitext.");
        if (note is { Length: > Refugee.DepartureNoteMaxLength })
            yield return new DomainError("Der Freitext darf höchstens {0} Zeichen lang sein.", Refugee.DepartureNoteMaxLength);
    }

    private void EnsureNotErased()
    {
        if (IsErased)
            throw new DomainException("Die Daten dieser Familie sind nach Ablauf der Aufbewahrungsfrist am {0:dd.MM.yyyy} gelöscht worden; sie kann nicht mehr geändert werden.", ErasedOn!.Value);
    }

    private static void ThrowIfAny(IReadOnlyList<DomainError> errors)
    {
        if (errors.Count > 0) throw new DomainException(errors);
    }

    /// <summary>Every command ends here: the derived columns and the concurrency stamp follow the change.</summary>
    private void Changed()
    {
        FirstArrival = _persons.Where(p => p.ArrivedOn is not null).Min(p => p.ArrivedOn);
        PrincipalName = IsErased ? null : _persons.OrderBy(p => p.DateOfBirth).ThenBy(p => p.FamilyName).FirstOrDefault()?.FamilyName;
        AllocatedMunicipalityAgs = CurrentAllocation?.MunicipalityAgs;
        Status = _persons.Any(p => p.HasLeft) && _persons.All(p => p.HasLeft || p.ArrivedOn is null) ? HouseholdStatus.Left
            : FirstArrival is not null ? HouseholdStatus.Arrived
            : AllocatedMunicipalityAgs is not null ? HouseholdStatus.Allocated
            : IsMatched ? HouseholdStatus.Matched
            : HouseholdStatus.Recorded;
        ConcurrencyStamp = Guid.NewGuid();
    }
}
