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

    /// <summary>
    /// The member stated their details themself (or they come from records kept before the portal, or the
    /// member existed before members confirmed: ADR 0028). Details typed by someone else wait for it.
    /// </summary>
    public bool IsConfirmed { get; private set; }

    /// <summary>When the member confirmed their details in the portal; null for records and members from before (ADR 0028).</summary>
    public DateTime? ConfirmedAtUtc { get; private set; }

    /// <summary>The SHA-256 hash (hex) of the member's current invitation token; the token itself is only in the mail.</summary>
    public string? InvitationTokenHash { get; private set; }

    /// <summary>When the current invitation was issued: its validity counts from here, and its mail's event key names it.</summary>
    public DateTime? InvitedAtUtc { get; private set; }

    public bool HasLeft => LeftOn is not null;

    public bool IsErased => ErasedOn is not null;

    /// <summary>An active main contact: marked as one and still in the group.</summary>
    public bool IsActiveMainContact => IsMainContact && !HasLeft;

    private Mentor()
    {
    }

    internal Mentor(MemberDetails details) => Apply(details);

    /// <summary>Whether <paramref name="tokenHash"/> is this member's current invitation and still valid at <paramref name="nowUtc"/>.</summary>
    public bool HoldsInvitation(string tokenHash, DateTime nowUtc, TimeSpan validFor) =>
        !IsConfirmed && !HasLeft && !IsErased && InvitationTokenHash is { } stored && InvitedAtUtc is { } issued
        && string.Equals(stored, tokenHash, StringComparison.Ordinal) && nowUtc < issued + validFor;

    internal void Invite(string tokenHash, DateTime nowUtc)
    {
        InvitationTokenHash = tokenHash;
        InvitedAtUtc = nowUtc;
    }

    /// <summary>The member stated their details themself; their invitation is used up.</summary>
    internal void Confirm(DateTime? confirmedAtUtc)
    {
        IsConfirmed = true;
        ConfirmedAtUtc = confirmedAtUtc;
        InvitationTokenHash = null;
    }

    /// <summary>Someone else changed what the member stated: it is the group's statement again until the member confirms.</summary>
    internal void ResetConfirmation()
    {
        IsConfirmed = false;
        ConfirmedAtUtc = null;
    }

    /// <summary>An invitation sent to an address the member no longer has must not work any more.</summary>
    internal void WithdrawInvitation() => InvitationTokenHash = null;

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
        InvitationTokenHash = null;
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
