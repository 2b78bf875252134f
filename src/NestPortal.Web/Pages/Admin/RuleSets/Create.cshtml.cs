using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Programme;

namespace NestPortal.Web.Pages.Admin.RuleSets;

/// <summary>
/// An administrator adds the programme's next rule set (as in July 2022) without a code change: it
/// follows the latest rule set, which ends the day before. Earlier rules stay as they were.
/// </summary>
public sealed class CreateModel(
    NestPortalDbContext db, IStringLocalizer<SharedResource> l, IValidator<NewRuleSetInput> validator, ILogger<CreateModel> logger) : PageModel
{
    [BindProperty] public NewRuleSetInput Input { get; set; } = new();

    /// <summary>The rule set the new one succeeds; null only before any rules exist.</summary>
    public ProgrammeRuleSet? Latest { get; private set; }

    /// <summary>The last submission under <see cref="Latest"/>: the new rules may start the day after at the earliest.</summary>
    public DateOnly? LastSubmissionUnderLatest { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadLatestAsync(db.RuleSets.AsNoTracking());
        // A successor usually changes a few figures: start from the current ones.
        if (Latest is not null) Input.CopyFrom(Latest, withPeriod: false);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Tracked: ending the latest rule set is saved together with its successor.
        var existing = await LoadLatestAsync(db.RuleSets);
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();

        ProgrammeRuleSet successor = null!;
        // Two administrators adding successors at the same moment could both end the same predecessor:
        // rule sets carry no concurrency stamp (a model change); the unique code catches the same code twice.
        if (!await db.TrySaveAsync(() => db.RuleSets.Add(successor = ProgrammeRuleSet.AddSuccessor(existing, Input.ToRuleSet(), LastSubmissionUnderLatest)),
                ModelState, l, new(Taken: l["Das Kürzel „{0}“ ist schon vergeben.", Input.Code.Trim()], TakenKey: "Input.Code")))
        {
            // Show the saved state: the predecessor's end as it is, not as the refused attempt set it.
            await LoadLatestAsync(db.RuleSets.AsNoTracking());
            return Page();
        }

        logger.LogInformation("Rule set {RuleSetId} ({Code}) added, succeeding {PredecessorId}", successor.Id, successor.Code, Latest?.Id);
        TempData["Status"] = l["Die neuen Programmregeln „{0}“ sind angelegt.", successor.Name].Value;
        return RedirectToPage("/Admin/RuleSets");
    }

    private async Task<List<ProgrammeRuleSet>> LoadLatestAsync(IQueryable<ProgrammeRuleSet> ruleSets)
    {
        var all = await ruleSets.ToListAsync();
        Latest = all.MaxBy(r => r.ValidFrom);
        LastSubmissionUnderLatest = Latest is null ? null : await RuleSetUsage.LastSubmissionUnderAsync(db, Latest.Id);
        return all;
    }
}
