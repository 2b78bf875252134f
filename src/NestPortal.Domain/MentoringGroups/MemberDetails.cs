namespace NestPortal.Domain.MentoringGroups;

/// <summary>What a group states about one of its members; the group checks it before taking it.</summary>
public sealed record MemberDetails(
    MemberKind Kind,
    string? GivenName,
    string? FamilyName,
    string? OrganisationName,
    string? RepresentativeName,
    string Email,
    string? Phone,
    DateOnly? DateOfBirth,
    DateOnly? TrainingDate,
    bool IsMainContact)
{
    public static MemberDetails Person(string givenName, string familyName, string email, DateOnly dateOfBirth,
        DateOnly? trainingDate = null, bool isMainContact = false, string? phone = null) =>
        new(MemberKind.NaturalPerson, givenName, familyName, null, null, email, phone, dateOfBirth, trainingDate, isMainContact);

    public static MemberDetails Organisation(string organisationName, string representativeName, string email,
        DateOnly? trainingDate = null, bool isMainContact = false, string? phone = null) =>
        new(MemberKind.LegalPerson, null, null, organisationName, representativeName, email, phone, null, trainingDate, isMainContact);
}
