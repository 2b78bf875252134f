using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Households;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Households.Persons;

/// <summary>One person leaves the programme early (vorzeitiges Ausscheiden, KA 5514 answer 4).</summary>
public sealed class LeaveModel(
    NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l, IValidator<DepartureInput> validator)
    : HouseholdPageModel(db, time, l)
{
    [BindProperty] public DepartureInput Input { get; set; } = new();
    public Refugee Person { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int personId)
    {
        if (await LoadPersonAsync(id, personId) is not { } person) return NotFound();
        Person = person;
        Version = Household.ConcurrencyStamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int personId)
    {
        if (await LoadPersonAsync(id, personId) is not { } person) return NotFound();
        Person = person;
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();
        if (await TryChangeAsync(() => Household.RecordDeparture(personId, Input.LeftOn!.Value, Input.Reason!.Value, Input.Note, Today)))
            return Done(L["Das Ausscheiden von {0} ist erfasst.", person.DisplayName], id);
        Person = Household.Persons.SingleOrDefault(p => p.Id == personId) ?? person;
        return Page();
    }
}
