using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Households;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Households.Persons;

public sealed class EditModel(
    NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l, IValidator<PersonInput> validator)
    : HouseholdPageModel(db, time, l)
{
    [BindProperty] public PersonInput Input { get; set; } = new();
    public Refugee Person { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int personId)
    {
        if (await LoadPersonAsync(id, personId) is not { } person) return NotFound();
        Person = person;
        Input = PersonInput.From(person);
        Version = Household.ConcurrencyStamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int personId)
    {
        if (await LoadPersonAsync(id, personId) is not { } person) return NotFound();
        Person = person;
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();
        if (await TryChangeAsync(() => Household.ChangePerson(personId, Input.ToDetails(), Today)))
            return Done(L["Die Angaben zu {0} sind gespeichert.", $"{Input.GivenName.Trim()} {Input.FamilyName.Trim()}"], id);
        Person = Household.Persons.SingleOrDefault(p => p.Id == personId) ?? person;
        return Page();
    }
}
