using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Programme;

namespace NestPortal.Web.Lookups;

/// <summary>The programme rule set in force on a day, read from the database.</summary>
public static class RuleSetLookup
{
    public static async Task<ProgrammeRuleSet?> InForceOnAsync(this NestPortalDbContext db, DateOnly date) =>
        ProgrammeRuleSet.InForceOn(await db.RuleSets.AsNoTracking().ToListAsync(), date);
}
