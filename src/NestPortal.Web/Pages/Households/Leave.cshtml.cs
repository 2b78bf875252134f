using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Households;

/// <summary>The whole household leaves the programme early: every person still in it, on the same day.</summary>
public sealed class LeaveModel(
    NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l, IValidator<DepartureInput> validator)
    : HouseholdPageModel(db, time, l)
{
    [BindProperty] public DepartureInput Input { get; set; } = new();

    public Task<IActionResult> OnGetAsync(int id) => ShowFormAsync(id);

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadHouseholdAsync(id)) return NotFound();
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();
        return await TryChangeAsync(() => Household.RecordHouseholdDeparture(Input.LeftOn!.Value, Input.Reason!.Value, Input.Note, Today))
            ? Done(L["Das Ausscheiden der Familie ist erfasst."], id)
            : Page();
    }
}
