using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Programme;

namespace NestPortal.Web.Pages.Admin;

/// <summary>The programme rule sets in force over time, with how many groups were submitted under each.</summary>
public sealed class RuleSetsModel(NestPortalDbContext db) : PageModel
{
    public IReadOnlyList<(ProgrammeRuleSet RuleSet, int GroupCount)> RuleSets { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var sets = await db.RuleSets.AsNoTracking().OrderBy(r => r.ValidFrom).ToListAsync();
        var counts = await db.MentoringGroups.Where(g => g.RuleSetId != null)
            .GroupBy(g => g.RuleSetId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count);
        RuleSets = sets.Select(s => (s, counts.GetValueOrDefault(s.Id))).ToList();
    }
}
