using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Programme;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Admin.RuleSets;

/// <summary>What an administrator types into the rule-set forms, and rule sets the tests need in place.</summary>
internal static class RuleSetForms
{
    public const string CreateUrl = "/Admin/RuleSets/Create";
    public static string EditUrl(int id) => $"/Admin/RuleSets/Edit/{id}";

    /// <summary>A complete, valid successor from <paramref name="validFrom"/>; tests change single fields.</summary>
    public static Dictionary<string, string> Successor(string code, DateOnly validFrom) => new()
    {
        ["Input.Code"] = code,
        ["Input.Confirmed"] = "true",
        ["Input.Name"] = $"Regeln {code}",
        ["Input.ValidFrom"] = validFrom.Iso(),
        ["Input.ValidUntil"] = "",
        ["Input.MinimumMembers"] = "3",
        ["Input.RequiredMainContacts"] = "1",
        ["Input.LegalPersonsAllowed"] = "true",
        ["Input.RentMonths"] = "18",
        ["Input.RentMonthsWithOwnedFlat"] = "6",
        ["Input.SupportMonths"] = "24",
        ["Input.TrainingRequirement"] = "Onlineschulung an zwei Abenden",
        ["Input.MaxConcurrentSponsorships"] = "2",
    };

    public static Task<List<ProgrammeRuleSet>> RuleSetsAsync(this PortalFactory factory) =>
        factory.QueryAsync(db => db.RuleSets.AsNoTracking().OrderBy(r => r.ValidFrom).ToListAsync());

    public static Task<ProgrammeRuleSet> RuleSetAsync(this PortalFactory factory, string code) =>
        factory.QueryAsync(db => db.RuleSets.AsNoTracking().SingleAsync(r => r.Code == code));

    /// <summary>Adds a successor no group uses, a year after the latest rule set starts, as the create page would.</summary>
    public static async Task<int> AddUnusedSuccessorAsync(this PortalFactory factory, string code)
    {
        var id = 0;
        await factory.ExecuteAsync(async db =>
        {
            var existing = await db.RuleSets.ToListAsync();
            var from = existing.Max(r => r.ValidFrom).AddYears(1);
            var successor = ProgrammeRuleSet.AddSuccessor(existing,
                new ProgrammeRuleSet(code, $"Regeln {code}", from, null, 4, 2, true, 12, 0, 12, "Basisschulung"), null);
            db.RuleSets.Add(successor);
            await db.SaveChangesAsync();
            id = successor.Id;
        });
        return id;
    }
}
