namespace NestPortal.Web.AccessRequests;

// The shapes of the GDPR Art. 15 exports: the JSON download is these records as they are (camelCase,
// dates as ISO days, times as German local time with their offset), the HTML pages show the same
// records with German labels. Enum values are already texts in the reader's language.

/// <summary>What the portal holds about one refugee, to whom it was disclosed and who looked at it.</summary>
public sealed record RefugeeAccessReport(
    DateTimeOffset GeneratedAt,
    RefugeeData Person,
    HouseholdData Household,
    IReadOnlyList<AllocationData> Allocations,
    IReadOnlyList<GroupDisclosure> DisclosedToGroups,
    IReadOnlyList<MunicipalityDisclosure> DisclosedToMunicipalities,
    IReadOnlyList<DocumentEntry> Documents,
    IReadOnlyList<ViewEntry> Views,
    IReadOnlyList<ChangeEntry> Changes);

/// <summary>Every field of <see cref="Domain.Households.Refugee"/>.</summary>
public sealed record RefugeeData(
    int Id, string GivenName, string FamilyName, DateOnly DateOfBirth, string Sex,
    string NationalityCode, string Nationality, string FirstRefugeCountryCode, string FirstRefugeCountry,
    DateOnly AdmissionDecisionDate, string AdmissionDecisionReference, DateOnly? VisaDate, DateOnly? ArrivedOn,
    DateOnly? LeftOn, string? DepartureReason, string? DepartureNote, int? AgeAtArrival, DateOnly? ErasedOn);

/// <summary>The household-level data about the person; of the other persons only how many there are.</summary>
public sealed record HouseholdData(
    string Reference, DateOnly? ExpectedArrival, string? PrincipalName, string? SpecialNeedsNote, string Status, int OtherPersons);

/// <summary>One Zuweisungsentscheidung of the household.</summary>
public sealed record AllocationData(
    string Municipality, string MunicipalityAgs, DateOnly DecisionDate, string FileReference, DateOnly EffectiveDate,
    string LegalBasis, bool Current, DateTimeOffset? SupersededAt, DateTimeOffset? AcknowledgedAt);

/// <summary>A mentoring group that received the data through a sponsorship (BAMF's match) of the household.</summary>
public sealed record GroupDisclosure(string GroupName, DateOnly MatchedOn, string SponsorshipStatus);

/// <summary>A municipality the household was allocated to: it saw the data from the decision until it was superseded.</summary>
public sealed record MunicipalityDisclosure(string Municipality, string MunicipalityAgs, DateOnly From, DateOnly? Until);

/// <summary>
/// An uploaded document: its name, category, when and by whom, never its content. The name is null once the
/// document was deleted or erased (the record stays as a tombstone naming its uploader).
/// </summary>
public sealed record DocumentEntry(string? FileName, string Category, DateTimeOffset UploadedAt, string UploadedBy);

/// <summary>Someone opened the record (an audit entry "Angesehen").</summary>
public sealed record ViewEntry(DateTimeOffset At, string UserName, string Role);

/// <summary>A recorded change of the record: who, when, what, and which fields (never their values).</summary>
public sealed record ChangeEntry(DateTimeOffset At, string UserName, string Action, IReadOnlyList<string> Fields);

/// <summary>What the portal holds about one mentor (by email) and their account.</summary>
public sealed record MentorAccessReport(
    DateTimeOffset GeneratedAt,
    string? Email,
    AccountData? Account,
    IReadOnlyList<MemberData> Memberships,
    IReadOnlyList<GroupData> Groups,
    IReadOnlyList<DocumentEntry> Documents,
    int ActionCount,
    IReadOnlyList<ActionEntry> LastActions,
    IReadOnlyList<ChangeEntry> MemberRecordEntries)
{
    /// <summary>How many of the account's own audit entries the export lists (the newest).</summary>
    public const int ActionLimit = 200;
}

/// <summary>The portal account; never its password hash, security stamp, authenticator key or recovery codes.</summary>
public sealed record AccountData(
    string? Email, string? UserName, string DisplayName, DateTimeOffset CreatedAt, bool EmailConfirmed, bool TwoFactorEnabled,
    IReadOnlyList<string> Roles);

/// <summary>One member record (Mentor) with that email, in one group.</summary>
public sealed record MemberData(
    int Id, int GroupId, string GroupName, string Kind, string? GivenName, string? FamilyName, string? OrganisationName,
    string? RepresentativeName, string Email, string? Phone, DateOnly? DateOfBirth, DateOnly? TrainingDate, bool MainContact,
    DateOnly? LeftOn, string? LeavingReason);

/// <summary>A group the person is a member of or created; its households only by their reference.</summary>
public sealed record GroupData(
    int Id, string Name, string Status, string HomeMunicipality, DateOnly? SubmittedOn, bool CreatedByThisAccount,
    IReadOnlyList<SponsorshipData> Sponsorships);

public sealed record SponsorshipData(string HouseholdReference, DateOnly MatchedOn, string Status);

/// <summary>Something the account did, as the audit log recorded it.</summary>
public sealed record ActionEntry(DateTimeOffset At, string Action, string EntityType, string EntityId);
