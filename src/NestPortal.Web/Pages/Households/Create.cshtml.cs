using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Common;
using NestPortal.Domain.Households;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Households;

/// <summary>The competence centre records a new household (Familie erfassen); its persons follow on the household page.</summary>
public sealed class CreateModel(
    NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l, IValidator<HouseholdInput> validator) : PageModel
{
    [BindProperty] public HouseholdInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();
        var reference = Input.Reference.Trim();
        if (await db.Households.AnyAsync(h => h.Reference == reference))
        {
            ModelState.AddModelError("Input.Reference", l["Dieses Aktenzeichen ist bereits für eine andere Familie vergeben."]);
            return Page();
        }

        try
        {
            var household = Household.Record(Input.Reference, Input.ExpectedArrival, Input.SpecialNeedsNote, time.TodayInGermany(), time.UtcNow());
            db.Households.Add(household);
            await db.SaveChangesAsync();
            TempData["Status"] = l["Die Familie ist erfasst. Tragen Sie jetzt die Personen ein."].Value;
            return RedirectToPage("/Households/Details", new { id = household.Id });
        }
        catch (DomainException exception)
        {
            ModelState.AddDomainErrors(exception, l);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            ModelState.AddModelError("Input.Reference", l["Dieses Aktenzeichen ist bereits für eine andere Familie vergeben."]);
        }

        return Page();
    }
}
