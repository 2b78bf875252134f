using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Common;
using NestPortal.Domain.Households;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.Letters;
using NestPortal.Web.Notifications;

namespace NestPortal.Web.Pages.Allocations;

/// <summary>
/// Issues a Zuweisungsentscheidung for a household, addressed by default to the municipality of its
/// flat. A household already allocated keeps its decision unless staff tick "ersetzen" explicitly.
/// </summary>
public sealed class CreateModel(
    NestPortalDbContext db, TimeProvider time, IConfiguration configuration, IStringLocalizer<SharedResource> l,
    IValidator<CreateModel.AllocationInput> validator, Notifier notifier, DecisionLetters letters, ILogger<CreateModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)] public int HouseholdId { get; set; }
    [BindProperty] public AllocationInput Input { get; set; } = new();

    /// <summary>The household's stamp when the form was shown: two clerks cannot both allocate it.</summary>
    [BindProperty] public Guid? Version { get; set; }

    public Household Household { get; private set; } = null!;
    public Allocation? Current => Household.CurrentAllocation;
    public string? CurrentMunicipality { get; private set; }

    /// <summary>The municipality chosen whose administration has no postal address: the decision waits for it.</summary>
    public Domain.Municipalities.Municipality? WithoutAddress { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Version = Household.ConcurrencyStamp;
        var today = time.TodayInGermany();
        var flatAgs = await db.Sponsorships.Where(s => s.HouseholdId == HouseholdId).Select(s => (Domain.Municipalities.Ags?)s.Apartment.MunicipalityAgs).SingleOrDefaultAsync();
        if (flatAgs is { } ags) Input.Municipality = await MunicipalityLookup.LabelAsync(db, ags) ?? string.Empty;
        Input.DecisionDate = today;
        Input.EffectiveDate = today;
        Input.LegalBasis = configuration["Allocation:LegalBasis"] is { Length: > 0 } configured ? configured : AllocationDecision.DefaultLegalBasis;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();
        var municipality = await MunicipalityLookup.ResolveAsync(db, Input.Municipality);
        if (municipality is null)
        {
            ModelState.AddModelError("Input.Municipality", await MunicipalityLookup.NotFoundMessageAsync(db, l, Input.Municipality));
            return Page();
        }

        // The decision goes out as a letter; without the administration's address the letter would be incomplete.
        if (!DecisionLetters.CanWriteTo(municipality))
        {
            WithoutAddress = municipality;
            ModelState.AddModelError("Input.Municipality",
                l["Für {0} fehlt die Postanschrift der Verwaltung: Straße, Postleitzahl und Ort. Tragen Sie sie unter „Kommunen“ ein; ohne sie wird kein Brief erstellt.", municipality.Name]);
            return Page();
        }

        Allocation allocation = null!;
        var replaced = Household.CurrentAllocation;
        if (!await db.TrySaveAsync(Household, h => h.ConcurrencyStamp, Version,
                () =>
                {
                    allocation = Household.Allocate(new AllocationDecision(municipality.Ags, Input.DecisionDate!.Value, Input.FileReference,
                        Input.LegalBasis, Input.EffectiveDate!.Value), Input.SupersedeCurrent, time.TodayInGermany(), User.ToActor(), time.UtcNow());
                    // The letter as sent, stored in the decision's own save (ADR 0023).
                    letters.AddFor(Household, allocation, municipality);
                },
                ModelState, l,
                new(l["Die Familie wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu und prüfen Sie Ihre Eingaben."]),
                () => NotifyAsync(allocation, replaced)))
        {
            // The household as saved, the form as typed.
            await LoadAsync();
            return Page();
        }

        logger.LogInformation("Household {HouseholdId} allocated to {Ags} (allocation {AllocationId})", HouseholdId, municipality.Ags, allocation.Id);
        TempData["Status"] = l["Die Zuweisungsentscheidung ist gespeichert."].Value;
        return RedirectToPage("./Print", new { id = allocation.Id });
    }

    /// <summary>
    /// The municipality the decision is addressed to; and the one of a replaced decision, when it is another
    /// (a municipality whose decision is replaced by one to itself learns of it from the new one).
    /// </summary>
    private async Task NotifyAsync(Allocation allocation, Allocation? replaced)
    {
        await notifier.ToMunicipalityAsync(allocation.MunicipalityAgs, AllocationNotices.Decided(Household, allocation));
        if (replaced is not null && replaced.MunicipalityAgs != allocation.MunicipalityAgs)
            await notifier.ToMunicipalityAsync(replaced.MunicipalityAgs, AllocationNotices.Superseded(Household, replaced));
    }

    private async Task<bool> LoadAsync()
    {
        var household = await db.HouseholdsVisibleTo(User).Include(h => h.Persons).Include(h => h.Allocations).AsSplitQuery()
            .SingleOrDefaultAsync(h => h.Id == HouseholdId);
        if (household is null) return false;
        Household = household;
        CurrentMunicipality = household.CurrentAllocation is { } current ? await MunicipalityLookup.LabelAsync(db, current.MunicipalityAgs) : null;
        return true;
    }

    public sealed class AllocationInput
    {
        [Display(Name = "Kommune")] public string Municipality { get; set; } = string.Empty;
        [Display(Name = "Datum der Entscheidung")] public DateOnly? DecisionDate { get; set; }
        [Display(Name = "Aktenzeichen")] public string FileReference { get; set; } = string.Empty;
        [DataType(DataType.MultilineText)]
        [Display(Name = "Rechtsgrundlage")] public string LegalBasis { get; set; } = string.Empty;
        [Display(Name = "Wirksam ab")] public DateOnly? EffectiveDate { get; set; }
        [Display(Name = "Die bisherige Entscheidung ersetzen")] public bool SupersedeCurrent { get; set; }
    }

    public sealed class AllocationValidator : AbstractValidator<AllocationInput>
    {
        public AllocationValidator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Municipality).NotEmpty().MaximumLength(300).WithName(_ => l["Kommune"]);
            RuleFor(x => x.DecisionDate).NotNull().WithName(_ => l["Datum der Entscheidung"]);
            RuleFor(x => x.FileReference).NotEmpty().MaximumLength(Allocation.FileReferenceMaxLength).WithName(_ => l["Aktenzeichen"]);
            RuleFor(x => x.LegalBasis).NotEmpty().MaximumLength(Allocation.LegalBasisMaxLength).WithName(_ => l["Rechtsgrundlage"]);
            RuleFor(x => x.EffectiveDate).NotNull().WithName(_ => l["Wirksam ab"]);
        }
    }
}
