using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Households;

public sealed class EditModel(
    NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l, IValidator<HouseholdInput> validator)
    : HouseholdPageModel(db, time, l)
{
    [BindProperty] public HouseholdInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var result = await ShowFormAsync(id);
        if (result is PageResult) Input = HouseholdInput.From(Household);
        return result;
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadHouseholdAsync(id)) return NotFound();
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();
        if (await ReferenceTakenAsync(Input.Reference, exceptId: id))
        {
            ModelState.AddModelError("Input.Reference", ReferenceTaken());
            return Page();
        }

        return await TryChangeAsync(() => Household.ChangeDetails(Input.Reference, Input.ExpectedArrival, Input.SpecialNeedsNote, Today))
            ? Done(L["Die Angaben zur Familie sind gespeichert."], id)
            : Page();
    }
}
