using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Groups.Members;

/// <summary>What a person types into the member form; a checkbox left empty is not sent, as in a browser.</summary>
internal static class MemberFields
{
    public static Dictionary<string, string> Person(string givenName, string familyName, string email, string dateOfBirth,
        string trainingDate, bool mainContact = false, string phone = "")
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "NaturalPerson",
            ["Input.GivenName"] = givenName,
            ["Input.FamilyName"] = familyName,
            ["Input.DateOfBirth"] = dateOfBirth,
            ["Input.OrganisationName"] = "",
            ["Input.RepresentativeName"] = "",
            ["Input.Email"] = email,
            ["Input.Phone"] = phone,
            ["Input.TrainingDate"] = trainingDate,
        };
        if (mainContact) fields["Input.IsMainContact"] = "true";
        return fields;
    }

    public static Dictionary<string, string> Person(string givenName, string familyName, string email, DateOnly dateOfBirth,
        DateOnly? trainingDate, bool mainContact = false, string phone = "") =>
        Person(givenName, familyName, email, dateOfBirth.Iso(), trainingDate?.Iso() ?? "", mainContact, phone);

    /// <summary>A trained adult, as most members are.</summary>
    public static Dictionary<string, string> Adult(string givenName, string familyName, string email, bool mainContact = false) =>
        Person(givenName, familyName, email, TestGroups.Today.AddYears(-40), TestGroups.Today.AddMonths(-1), mainContact);

    public static Dictionary<string, string> Organisation(string organisationName, string representativeName, string email,
        DateOnly? trainingDate, bool mainContact = false)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "LegalPerson",
            ["Input.GivenName"] = "",
            ["Input.FamilyName"] = "",
            ["Input.DateOfBirth"] = "",
            ["Input.OrganisationName"] = organisationName,
            ["Input.RepresentativeName"] = representativeName,
            ["Input.Email"] = email,
            ["Input.Phone"] = "",
            ["Input.TrainingDate"] = trainingDate?.Iso() ?? "",
        };
        if (mainContact) fields["Input.IsMainContact"] = "true";
        return fields;
    }
}
