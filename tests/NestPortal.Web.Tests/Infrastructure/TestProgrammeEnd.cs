using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Programme;

namespace NestPortal.Web.Tests.Infrastructure;

/// <summary>
/// Ends the programme in a test class's database for the length of one check, and takes the end back
/// afterwards: the other tests of the class share the database and still submit groups and match.
/// </summary>
public static class TestProgrammeEnd
{
    /// <summary>The programme's last day in these tests: yesterday, so today lies after the end.</summary>
    public static DateOnly LastDay => TestGroups.Today.AddDays(-1);

    /// <summary>Runs <paramref name="check"/> with the programme ended yesterday, then withdraws the end, whatever happened.</summary>
    public static async Task WhileProgrammeEndedAsync(this PortalFactory factory, Func<Task> check)
    {
        // The demo data and the tests submit groups today, which a real end yesterday would not allow;
        // the check of the last submission is the end page's and the domain tests', not this setup's.
        await factory.ExecuteAsync(async db =>
        {
            ProgrammeRuleSet.EndProgramme(await db.RuleSets.ToListAsync(), LastDay, lastSubmissionUnderLatest: null);
            await db.SaveChangesAsync();
        });
        try
        {
            await check();
        }
        finally
        {
            await factory.ExecuteAsync(async db =>
            {
                ProgrammeRuleSet.WithdrawProgrammeEnd(await db.RuleSets.ToListAsync());
                await db.SaveChangesAsync();
            });
        }
    }
}
