namespace NestPortal.Domain.Households;

/// <summary>
/// What the persons of one family usually have in common and staff would otherwise type again for
/// each of them: the family name, nationality, country of first refuge and BAMF's admission decision
/// (date and reference). A suggestion for the next person's form, never a rule: every person keeps
/// their own values (a married woman's own name, a child born in the country of first refuge, a
/// decision of its own).
/// </summary>
public sealed record SharedFamilyDetails(
    string FamilyName,
    string NationalityCode,
    string FirstRefugeCountryCode,
    DateOnly AdmissionDecisionDate,
    string AdmissionDecisionReference)
{
    public static SharedFamilyDetails Of(Refugee person) => new(person.FamilyName, person.NationalityCode, person.FirstRefugeCountryCode,
        person.AdmissionDecisionDate, person.AdmissionDecisionReference);
}
