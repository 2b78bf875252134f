using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Programme;

namespace NestPortal.Web.Lookups;

/// <summary>The programme rule set in force on a day, and the programme's end, read from the database.</summary>
public static class RuleSetLookup
{
    public static async Task<ProgrammeRuleSet?> InForceOnAsync(this NestPortalDbContext db, DateOnly date) =>
        ProgrammeRuleSet.InForceOn(await db.RuleSets.AsNoTracking().ToListAsync(), date);

    /// <summary>The programme's last day (<see cref="ProgrammeRuleSet.ProgrammeEnd"/>), null while it is open-ended.</summary>
    public static async Task<DateOnly?> ProgrammeEndAsync(this NestPortalDbContext db) =>
        ProgrammeRuleSet.ProgrammeEnd(await db.RuleSets.AsNoTracking().ToListAsync());

    /// <summary>The rule set in force on a day together with the programme's end, from one query.</summary>
    public static async Task<(ProgrammeRuleSet? InForce, DateOnly? ProgrammeEnd)> RulesOnAsync(this NestPortalDbContext db, DateOnly date)
    {
        var ruleSets = await db.RuleSets.AsNoTracking().ToListAsync();
        return (ProgrammeRuleSet.InForceOn(ruleSets, date), ProgrammeRuleSet.ProgrammeEnd(ruleSets));
    }
}
