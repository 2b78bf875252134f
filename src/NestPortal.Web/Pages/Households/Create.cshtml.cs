using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Households;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Households;

/// <summary>
/// The competence centre records a new household (Familie erfassen), its reference suggested after the
/// configured pattern; its persons follow on the household page.
/// </summary>
public sealed class CreateModel(
    NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l, IValidator<HouseholdInput> validator,
    HouseholdReferences references) : PageModel
{
    [BindProperty] public HouseholdInput Input { get; set; } = new();

    /// <summary>The next free reference after the pattern, shown beside the field; null when there is none.</summary>
    public string? Suggestion { get; private set; }

    public string Pattern => references.Pattern.Text;

    public async Task OnGetAsync()
    {
        Suggestion = await references.NextFreeAsync();
        Input.Reference = Suggestion ?? string.Empty;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();
        var reference = Input.Reference.Trim();
        // Checked before saving for the usual case; the unique index catches two clerks saving the same reference at once.
        var taken = l["Dieses Aktenzeichen ist bereits für eine andere Familie vergeben."];
        if (await db.Households.AnyAsync(h => h.Reference == reference))
        {
            ModelState.AddModelError("Input.Reference", taken);
            // Most often another clerk took the suggested one a moment earlier: offer the next.
            Suggestion = await references.NextFreeAsync();
            return Page();
        }

        Household household = null!;
        if (!await db.TrySaveAsync(
                () => db.Households.Add(household = Household.Record(Input.Reference, Input.ExpectedArrival, Input.SpecialNeedsNote,
                    time.TodayInGermany(), time.UtcNow())),
                ModelState, l, new(Taken: taken, TakenKey: "Input.Reference")))
        {
            Suggestion = await references.NextFreeAsync();
            return Page();
        }

        TempData["Status"] = l["Die Familie ist erfasst. Tragen Sie jetzt die Personen ein."].Value;
        return RedirectToPage("/Households/Details", new { id = household.Id });
    }
}
