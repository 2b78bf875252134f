using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Common;
using NestPortal.Domain.Households;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Sponsorships;

/// <summary>
/// One sponsorship as the competence centre sees it: group, household, flat, escrow account, rule
/// set and the obligations with their end dates; staff may switch the rule set with a reason.
/// </summary>
public sealed class DetailsModel(
    NestPortalDbContext db, IStringLocalizer<SharedResource> l, IValidator<DetailsModel.SwitchInput> validator,
    ILogger<DetailsModel> logger) : PageModel
{
    [BindProperty] public SwitchInput Switch { get; set; } = new();

    /// <summary>The sponsorship's stamp when the form was shown; a switch fails if someone changed it since.</summary>
    [BindProperty] public Guid? Version { get; set; }

    public Sponsorship Sponsorship { get; private set; } = null!;
    public Household Household { get; private set; } = null!;
    public string GroupName { get; private set; } = string.Empty;

    /// <summary>When the group dissolved (early departure); the rent continues from the account regardless.</summary>
    public DateOnly? GroupDissolvedOn { get; private set; }

    public string? GroupDissolutionReason { get; private set; }
    public string RuleSetName { get; private set; } = string.Empty;
    public string MunicipalityLabel { get; private set; } = string.Empty;
    public ObligationSummary Obligations { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> OtherRuleSets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Version = Sponsorship.ConcurrencyStamp;
        return Page();
    }

    public async Task<IActionResult> OnPostSwitchRuleSetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!await validator.ValidateIntoAsync(Switch, ModelState, nameof(Switch))) return Page();
        var ruleSet = await db.RuleSets.SingleOrDefaultAsync(r => r.Id == Switch.RuleSetId);
        if (ruleSet is null)
        {
            ModelState.AddModelError("Switch.RuleSetId", l["Bitte wählen Sie Programmregeln aus der Liste."]);
            return Page();
        }

        if (!await db.TrySaveAsync(Sponsorship, s => s.ConcurrencyStamp, Version, () => Sponsorship.SwitchRuleSet(ruleSet, Switch.Reason),
                ModelState, l,
                new(l["Die Mentoring-Übernahme wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu und prüfen Sie Ihre Eingaben."])))
        {
            // What is saved now, with the error; the form keeps the version it was shown with.
            await LoadAsync(id);
            return Page();
        }

        logger.LogInformation("Sponsorship {SponsorshipId} switched to rule set {RuleSetId}", id, ruleSet.Id);
        TempData["Status"] = l["Die Programmregeln sind geändert."].Value;
        return RedirectToPage("./Details", new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var sponsorship = await db.Sponsorships.SingleOrDefaultAsync(s => s.Id == id);
        if (sponsorship is null) return false;
        var household = await db.HouseholdsVisibleTo(User).Include(h => h.Persons).Include(h => h.Allocations).AsSplitQuery()
            .SingleOrDefaultAsync(h => h.Id == sponsorship.HouseholdId);
        if (household is null) return false;
        Sponsorship = sponsorship;
        Household = household;
        var group = await db.MentoringGroups.Where(g => g.Id == sponsorship.GroupId)
            .Select(g => new { g.Name, g.DissolvedOn, g.DissolutionReason }).SingleAsync();
        GroupName = group.Name;
        GroupDissolvedOn = group.DissolvedOn;
        GroupDissolutionReason = group.DissolutionReason;
        var ruleSets = await db.RuleSets.AsNoTracking().OrderBy(r => r.ValidFrom).ToListAsync();
        RuleSetName = ruleSets.Single(r => r.Id == sponsorship.RuleSetId).Name;
        OtherRuleSets = [new SelectListItem(l["– bitte wählen –"], ""),
            .. ruleSets.Where(r => r.Id != sponsorship.RuleSetId).Select(r => new SelectListItem(r.Name, r.Id.ToString()))];
        MunicipalityLabel = await MunicipalityLookup.LabelAsync(db, sponsorship.Apartment.MunicipalityAgs) ?? sponsorship.Apartment.MunicipalityAgs.Value;
        Obligations = ObligationSummary.Of(sponsorship, household);
        return true;
    }

    public sealed class SwitchInput
    {
        [Display(Name = "Neue Programmregeln")] public int? RuleSetId { get; set; }
        [DataType(DataType.MultilineText)]
        [Display(Name = "Begründung")] public string Reason { get; set; } = string.Empty;
    }

    public sealed class SwitchValidator : AbstractValidator<SwitchInput>
    {
        public SwitchValidator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.RuleSetId).NotNull().WithName(_ => l["Neue Programmregeln"]);
            RuleFor(x => x.Reason).NotEmpty().MaximumLength(Sponsorship.ReasonMaxLength).WithName(_ => l["Begründung"]);
        }
    }
}
