namespace NestPortal.Domain.Households;

/// <summary>What staff record of one refugee; nothing beyond what the process needs (no religion, no health data).</summary>
public sealed record RefugeeDetails(
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    Sex Sex,
    string NationalityCode,
    string FirstRefugeCountryCode,
    DateOnly AdmissionDecisionDate,
    string AdmissionDecisionReference,
    DateOnly? VisaDate,
    DateOnly? ArrivedOn);
