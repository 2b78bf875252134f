using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Programme;
using NestPortal.Web.Pages.Admin.RuleSets;

namespace NestPortal.Web.Pages.Admin;

/// <summary>
/// The programme rule sets in force over time with all their figures, and how many groups and
/// sponsorships use each: those in use can only be succeeded, the others still corrected.
/// </summary>
public sealed class RuleSetsModel(NestPortalDbContext db) : PageModel
{
    public IReadOnlyList<(ProgrammeRuleSet RuleSet, RuleSetUsage Usage)> RuleSets { get; private set; } = [];

    /// <summary>The programme's last day, null while it is open-ended.</summary>
    public DateOnly? ProgrammeEnd { get; private set; }

    public async Task OnGetAsync()
    {
        var sets = await db.RuleSets.AsNoTracking().OrderBy(r => r.ValidFrom).ToListAsync();
        var usage = await RuleSetUsage.OfAllAsync(db);
        ProgrammeEnd = ProgrammeRuleSet.ProgrammeEnd(sets);
        RuleSets = sets.Select(s => (s, usage.GetValueOrDefault(s.Id) ?? new RuleSetUsage(0, 0))).ToList();
    }
}
