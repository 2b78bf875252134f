using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Programme;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Admin.RuleSets;

/// <summary>
/// Corrects a rule set no group and no sponsorship uses yet (typically a successor added with a typing
/// mistake). A rule set in use shows why it cannot be changed; a post for it is refused by the domain.
/// </summary>
/// <remarks>
/// Rule sets carry no concurrency stamp: two administrators correcting the same unused rule set at once
/// means the last one saved wins. Accepted, because nothing depends on an unused rule set yet and the
/// audit log keeps both changes; a stamp would need a model change.
/// </remarks>
public sealed class EditModel(
    NestPortalDbContext db, IStringLocalizer<SharedResource> l, IValidator<RuleSetInput> validator, ILogger<EditModel> logger) : PageModel
{
    [BindProperty] public RuleSetInput Input { get; set; } = new();

    public ProgrammeRuleSet RuleSet { get; private set; } = null!;
    public RuleSetUsage Usage { get; private set; } = new(0, 0);

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Input.CopyFrom(RuleSet, withPeriod: true);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        // Tracked, all of them: a corrected start also moves the end of the predecessor.
        var all = await db.RuleSets.ToListAsync();
        if (!await LoadAsync(id)) return NotFound();
        // A rule set in use is refused whatever was typed: the domain says why.
        if (!Usage.InUse && !await validator.ValidateIntoAsync(Input, ModelState)) return Page();
        // Asked before the command, which is synchronous: the predecessor's last submission limits how far the start may move.
        var originalFrom = RuleSet.ValidFrom;
        var predecessor = ProgrammeRuleSet.PredecessorOf(all, RuleSet, originalFrom);
        var lastSubmissionUnderPredecessor = predecessor is null ? null : await RuleSetUsage.LastSubmissionUnderAsync(db, predecessor.Id);
        // Checked just before saving; a group submitted between this check and the save would be bound
        // to the corrected figures. Submissions are rare and a new rule set starts in the future, so accepted.
        if (!await db.TrySaveAsync(() =>
            {
                RuleSet.Revise(Usage.InUse, Input.Name, Input.ValidFrom.GetValueOrDefault(), Input.ValidUntil,
                    Input.MinimumMembers.GetValueOrDefault(), Input.RequiredMainContacts.GetValueOrDefault(), Input.LegalPersonsAllowed,
                    Input.RentMonths.GetValueOrDefault(), Input.RentMonthsWithOwnedFlat.GetValueOrDefault(),
                    Input.SupportMonths.GetValueOrDefault(), Input.TrainingRequirement, Input.MaxConcurrentSponsorships.GetValueOrDefault());
                // A moved start moves the end of the rules it succeeds: saved together, one rule set in force each day.
                ProgrammeRuleSet.FitBetweenNeighbours(all, RuleSet, originalFrom, lastSubmissionUnderPredecessor);
            }, ModelState, l, new()))
        {
            // The heading and the notes show what is saved, not the refused revision.
            await LoadAsync(id);
            return Page();
        }

        logger.LogInformation("Rule set {RuleSetId} revised", id);
        TempData["Status"] = l["Die Programmregeln „{0}“ sind gespeichert.", RuleSet.Name].Value;
        return RedirectToPage("/Admin/RuleSets");
    }

    private async Task<bool> LoadAsync(int id)
    {
        var ruleSet = await db.RuleSets.SingleOrDefaultAsync(r => r.Id == id);
        if (ruleSet is null) return false;
        RuleSet = ruleSet;
        Usage = await RuleSetUsage.OfAsync(db, id);
        return true;
    }
}
