using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Sponsorships;

/// <summary>The match form as staff fill it in, and its two steps: "Prüfen", then "Vermittlung speichern".</summary>
public static class MatchForm
{
    public static string Url(int householdId) => $"/Sponsorships/Create?householdId={householdId}";

    public static Dictionary<string, string> Fields(int groupId, string rent = "650,50", string iban = TestHouseholds.ValidIban,
        string livingSpace = "68,5", string rooms = "2,5", string municipality = "05911000", string? ruleSetId = null, string? reason = null) => new()
    {
        ["Input.GroupId"] = groupId.ToString(),
        ["Input.Street"] = "Lindenstraße 12",
        ["Input.PostalCode"] = "44787",
        ["Input.City"] = "Bochum",
        ["Input.Municipality"] = municipality,
        ["Input.LivingSpace"] = livingSpace,
        ["Input.Rooms"] = rooms,
        ["Input.Rent"] = rent,
        ["Input.LeaseStart"] = new DateOnly(TestGroups.Today.Year, TestGroups.Today.Month, 1).Iso(),
        ["Input.AccountHolder"] = "Willkommensteam Treuhand",
        ["Input.Iban"] = iban,
        ["Input.BankName"] = "Sparkasse Bochum",
        ["Input.RuleSetId"] = ruleSetId ?? "",
        ["Input.RuleSetReason"] = reason ?? "",
    };

    /// <summary>"Prüfen": the summary page (nothing saved yet).</summary>
    public static Task<HttpResponseMessage> CheckAsync(this HttpClient client, int householdId, Dictionary<string, string> fields) =>
        client.PostFormAsync(Url(householdId), fields, "handler=Check");

    /// <summary>"Vermittlung speichern" on the summary page, with the values it carries.</summary>
    public static async Task<HttpResponseMessage> ConfirmAsync(this HttpClient client, IHtmlDocument checkedPage, string query = "")
    {
        var form = checkedPage.QuerySelector("main form[action*='handler=Save']") as IHtmlFormElement
                   ?? throw new InvalidOperationException("The check step shows no save form: " + string.Join(" | ", checkedPage.Errors()));
        var values = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name))
            .ToDictionary(i => i.Name!, i => i.Value);
        return await client.PostAsync(form.GetAttribute("action") + query, new FormUrlEncodedContent(values));
    }

    public static Task<int> SponsorshipCountAsync(this PortalFactory factory, int householdId) =>
        factory.QueryAsync(db => db.Sponsorships.CountAsync(s => s.HouseholdId == householdId));
}
