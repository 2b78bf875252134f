using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Common;
using NestPortal.Domain.Households;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Programme;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Sponsorships;

/// <summary>
/// Records BAMF's match of an approved group with a household and a flat, in two steps: "Prüfen"
/// shows the resulting obligations with their end dates (nothing saved), "Vermittlung speichern"
/// saves exactly what was shown. The match cannot be undone in the portal, hence the second step.
/// </summary>
public sealed class CreateModel(
    NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l, IValidator<MatchInput> validator,
    ILogger<CreateModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)] public int HouseholdId { get; set; }
    [BindProperty] public MatchInput Input { get; set; } = new();

    public Household Household { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> Groups { get; private set; } = [];
    public IReadOnlyList<SelectListItem> RuleSets { get; private set; } = [];

    /// <summary>Set after "Prüfen": the sponsorship as it would be saved, with its obligations.</summary>
    public Preview? Checked { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadHouseholdAsync()) return NotFound();
        if (await ExistingSponsorshipAsync() is { } existing) return RedirectToPage("./Details", new { id = existing });
        Input.LeaseStart = Months.FirstOf(time.TodayInGermany()).AddMonths(1);
        return await FormAsync();
    }

    public async Task<IActionResult> OnPostCheckAsync()
    {
        if (!await LoadHouseholdAsync()) return NotFound();
        if (await MatchAsync() is not { } match) return await FormAsync();
        Checked = match;
        return await FormAsync();
    }

    /// <summary>"Ändern" on the check step: the form again, filled in as it was.</summary>
    public async Task<IActionResult> OnPostEditAsync() => await LoadHouseholdAsync() ? await FormAsync() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (!await LoadHouseholdAsync()) return NotFound();
        if (await MatchAsync() is not { } match) return await FormAsync();
        // The unique index (one sponsorship per household) or the household's and the group's stamps
        // catch a colleague saving a match at the same moment.
        if (!await db.TrySaveAsync(() => db.Sponsorships.Add(match.Sponsorship), ModelState, l,
                new(l["Die Familie oder die Gruppe wurde gerade von jemand anderem vermittelt. Es wurde nichts gespeichert; bitte prüfen Sie die Angaben erneut."])))
        {
            logger.LogWarning("Match of household {HouseholdId} refused", HouseholdId);
            await LoadHouseholdAsync();
            return await FormAsync();
        }

        logger.LogInformation("Household {HouseholdId} matched with group {GroupId}", HouseholdId, match.Sponsorship.GroupId);
        TempData["Status"] = l["Die Vermittlung ist gespeichert."].Value;
        return RedirectToPage("./Details", new { id = match.Sponsorship.Id });
    }

    /// <summary>Validates the form and runs the domain's match on the loaded aggregates; null (with errors on the form) if refused.</summary>
    private async Task<Preview?> MatchAsync()
    {
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return null;
        var municipality = await MunicipalityLookup.ResolveAsync(db, Input.Municipality);
        if (municipality is null)
        {
            ModelState.AddModelError("Input.Municipality", await MunicipalityLookup.NotFoundMessageAsync(db, l, Input.Municipality));
            return null;
        }

        var group = await db.MentoringGroups.SingleOrDefaultAsync(g => g.Id == Input.GroupId);
        if (group is null)
        {
            ModelState.AddModelError("Input.GroupId", l["Bitte wählen Sie eine Mentorengruppe aus der Liste."]);
            return null;
        }

        var ruleSet = await db.RuleSets.SingleOrDefaultAsync(r => r.Id == (Input.RuleSetId ?? group.RuleSetId));
        if (ruleSet is null)
        {
            ModelState.AddModelError("Input.RuleSetId", l["Bitte wählen Sie Programmregeln aus der Liste."]);
            return null;
        }

        var today = time.TodayInGermany();
        try
        {
            var (flat, account) = Collect(
                () => Apartment.Create(Input.Street, Input.PostalCode, Input.City, municipality.Ags, DecimalInput.Parse(Input.LivingSpace)!.Value,
                    DecimalInput.Parse(Input.Rooms)!.Value, DecimalInput.Parse(Input.Rent)!.Value, Input.LeaseStart!.Value, Input.OwnedByGroup, today),
                () => EscrowAccount.Create(Input.AccountHolder, Input.Iban, Input.BankName));
            var running = await db.RunningSponsorshipsOfGroupOnAsync(group.Id, today);
            var sponsorship = Sponsorship.Match(group, Household, ruleSet, Input.RuleSetReason, flat, account, running,
                await db.ProgrammeEndAsync(), today, User.ToActor(), time.UtcNow());
            return new Preview(sponsorship, group, ruleSet, MunicipalityLookup.OptionText(municipality), ObligationSummary.Of(sponsorship, Household));
        }
        catch (DomainException exception)
        {
            ModelState.AddDomainErrors(exception, l);
            return null;
        }
    }

    /// <summary>Builds the flat and the account together, so the form names the errors of both at once.</summary>
    private static (Apartment, EscrowAccount) Collect(Func<Apartment> flat, Func<EscrowAccount> account)
    {
        var errors = new List<DomainError>();
        Apartment? apartment = null;
        EscrowAccount? escrow = null;
        try { apartment = flat(); } catch (DomainException e) { errors.AddRange(e.Errors); }
        try { escrow = account(); } catch (DomainException e) { errors.AddRange(e.Errors); }
        if (errors.Count > 0) throw new DomainException(errors);
        return (apartment!, escrow!);
    }

    private async Task<bool> LoadHouseholdAsync()
    {
        var household = await db.HouseholdsVisibleTo(User).Include(h => h.Persons).SingleOrDefaultAsync(h => h.Id == HouseholdId);
        if (household is null) return false;
        Household = household;
        return true;
    }

    private Task<int?> ExistingSponsorshipAsync() =>
        db.Sponsorships.Where(s => s.HouseholdId == HouseholdId).Select(s => (int?)s.Id).SingleOrDefaultAsync();

    private async Task<IActionResult> FormAsync()
    {
        // Groups that may be matched now: approved, and carrying fewer running sponsorships than their
        // rules allow at once. The status is close enough for a list (the rent run completes what is over);
        // the match itself judges on the dates.
        var groups = await db.MentoringGroups
            .Where(g => g.Status == GroupStatus.Approved
                        && db.Sponsorships.Count(s => s.GroupId == g.Id && s.Status == SponsorshipStatus.Running)
                        < db.RuleSets.Where(r => r.Id == g.RuleSetId).Select(r => r.MaxConcurrentSponsorships).FirstOrDefault())
            .OrderBy(g => g.Name)
            .Select(g => new { g.Id, g.Name, Municipality = db.Municipalities.Where(m => m.Ags == g.HomeMunicipalityAgs).Select(m => m.Name).FirstOrDefault() })
            .ToListAsync();
        Groups = [new SelectListItem(l["– bitte wählen –"], ""), .. groups.Select(g => new SelectListItem($"{g.Name} ({g.Municipality})", g.Id.ToString()))];
        var ruleSets = await db.RuleSets.OrderBy(r => r.ValidFrom).Select(r => new { r.Id, r.Name }).ToListAsync();
        RuleSets = [new SelectListItem(l["wie bei der Einreichung der Gruppe"], ""), .. ruleSets.Select(r => new SelectListItem(r.Name, r.Id.ToString()))];
        return Page();
    }

    public sealed record Preview(Sponsorship Sponsorship, MentoringGroup Group, ProgrammeRuleSet RuleSet, string MunicipalityLabel,
        ObligationSummary Obligations);
}
