namespace NestPortal.Domain.MentoringGroups;

/// <summary>A member of a mentoring group: a natural person or, since July 2022, a legal person.</summary>
public sealed class Mentor
{
    public int Id { get; private set; }
    public MemberKind Kind { get; private set; }
    public string? GivenName { get; private set; }
    public string? FamilyName { get; private set; }
    public string? OrganisationName { get; private set; }
    public string? RepresentativeName { get; private set; }
    public string Email { get; private set; } = string.Empty;
    public string? Phone { get; private set; }
    public DateOnly? DateOfBirth { get; private set; }
    public DateOnly? TrainingDate { get; private set; }
    public bool IsMainContact { get; private set; }

    /// <summary>The day the member left the group (early departure); the record stays, as the group's history.</summary>
    public DateOnly? LeftOn { get; private set; }

    public string? LeavingReason { get; private set; }

    /// <summary>The day the member's personal data was erased (retention).</summary>
    public DateOnly? ErasedOn { get; private set; }

    public bool HasLeft => LeftOn is not null;

    public bool IsErased => ErasedOn is not null;

    /// <summary>An active main contact: marked as one and still in the group.</summary>
    public bool IsActiveMainContact => IsMainContact && !HasLeft;

    private Mentor()
    {
    }

    internal Mentor(MemberDetails details) => Apply(details);

    public string DisplayName => IsErased ? $"Mitglied {Id} (gelöscht)"
        : Kind == MemberKind.LegalPerson
        ? $"{OrganisationName} (vertreten durch {RepresentativeName})"
        : $"{GivenName} {FamilyName}";

    /// <summary>Emails compare case-insensitively and without surrounding spaces.</summary>
    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();

    public bool IsAdultOn(DateOnly date) =>
        Kind == MemberKind.LegalPerson || (OfAgeOn is { } ofAge && ofAge <= date);

    /// <summary>
    /// The day a natural person comes of age: the 18th birthday, or 1 March for someone born on
    /// 29 February when that year has none (§ 188 Abs. 3 BGB).
    /// </summary>
    public DateOnly? OfAgeOn => DateOfBirth is { } born
        ? born.AddYears(Programme.ProgrammeRuleSet.AgeOfMajority) is var birthday && birthday.Day != born.Day ? birthday.AddDays(1) : birthday
        : null;

    /// <summary>The person's account moved to a new, confirmed address (<see cref="MentoringGroup.FollowAddressChange"/>).</summary>
    internal void MoveTo(string email) => Email = NormaliseEmail(email);

    public bool IsTrainedBy(DateOnly date) => TrainingDate is { } trained && trained <= date;

    internal void Leave(DateOnly leftOn, string reason)
    {
        LeftOn = leftOn;
        LeavingReason = reason;
    }

    /// <summary>
    /// Removes what identifies the member; kind, training date and leaving (date and reason, which the
    /// report lists) remain. An organisation's name is not personal data and stays.
    /// </summary>
    internal void Erase(DateOnly today)
    {
        if (IsErased) return;
        GivenName = null;
        FamilyName = null;
        RepresentativeName = null;
        Email = string.Empty;
        Phone = null;
        DateOfBirth = null;
        ErasedOn = today;
    }

    internal void AppointMainContact() => IsMainContact = true;

    internal void Apply(MemberDetails details)
    {
        Kind = details.Kind;
        var isPerson = details.Kind == MemberKind.NaturalPerson;
        GivenName = isPerson ? details.GivenName?.Trim() : null;
        FamilyName = isPerson ? details.FamilyName?.Trim() : null;
        DateOfBirth = isPerson ? details.DateOfBirth : null;
        OrganisationName = isPerson ? null : details.OrganisationName?.Trim();
        RepresentativeName = isPerson ? null : details.RepresentativeName?.Trim();
        Email = NormaliseEmail(details.Email);
        Phone = string.IsNullOrWhiteSpace(details.Phone) ? null : details.Phone.Trim();
        TrainingDate = details.TrainingDate;
        IsMainContact = details.IsMainContact;
    }
}
