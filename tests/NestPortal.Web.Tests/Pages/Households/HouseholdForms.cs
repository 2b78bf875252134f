using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Households;

/// <summary>What staff type into the household pages' forms in these tests.</summary>
internal static class HouseholdForms
{
    public static DateOnly Today => TestGroups.Today;

    public static Dictionary<string, string> Household(string reference, DateOnly? expectedArrival = null, string? note = null) => new()
    {
        ["Input.Reference"] = reference,
        ["Input.ExpectedArrival"] = expectedArrival?.Iso() ?? string.Empty,
        ["Input.SpecialNeedsNote"] = note ?? string.Empty,
    };

    /// <summary>A Syrian woman admitted from Lebanon 90 days ago, visa 60 days ago; arrival as given.</summary>
    public static Dictionary<string, string> Person(string givenName = "Amal", string familyName = "Khalil", DateOnly? born = null,
        DateOnly? admitted = null, DateOnly? arrived = null, string nationality = "SY", string firstRefuge = "LB") => new()
    {
        ["Input.GivenName"] = givenName,
        ["Input.FamilyName"] = familyName,
        ["Input.DateOfBirth"] = (born ?? Today.AddYears(-34)).Iso(),
        ["Input.Sex"] = "Female",
        ["Input.NationalityCode"] = nationality,
        ["Input.FirstRefugeCountryCode"] = firstRefuge,
        ["Input.AdmissionDecisionDate"] = (admitted ?? Today.AddDays(-90)).Iso(),
        ["Input.AdmissionDecisionReference"] = "BAMF-4711",
        ["Input.VisaDate"] = (admitted ?? Today.AddDays(-90)).AddDays(30).Iso(),
        ["Input.ArrivedOn"] = arrived?.Iso() ?? string.Empty,
    };

    public static Dictionary<string, string> Departure(DateOnly? leftOn, string reason = "MovedAway", string note = "", bool confirmed = true)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.LeftOn"] = leftOn?.Iso() ?? string.Empty,
            ["Input.Reason"] = reason,
            ["Input.Note"] = note,
        };
        if (confirmed) fields["Input.Confirmed"] = "true";
        return fields;
    }
}
