using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Households.Persons;

/// <summary>One person leaves the programme early (vorzeitiges Ausscheiden, KA 5514 answer 4).</summary>
public sealed class LeaveModel(
    NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l, IValidator<DepartureInput> validator)
    : HouseholdPageModel(db, time, l)
{
    [BindProperty] public DepartureInput Input { get; set; } = new();

    public Task<IActionResult> OnGetAsync(int id, int personId) => ShowFormAsync(id, personId);

    public async Task<IActionResult> OnPostAsync(int id, int personId)
    {
        if (!await LoadPersonAsync(id, personId)) return NotFound();
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();
        return await TryChangeAsync(() => Household.RecordDeparture(personId, Input.LeftOn!.Value, Input.Reason!.Value, Input.Note, Today))
            ? Done(L["Das Ausscheiden von {0} ist erfasst.", Person.DisplayName], id)
            : Page();
    }
}
