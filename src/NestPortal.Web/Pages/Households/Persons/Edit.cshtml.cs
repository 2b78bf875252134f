using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Households.Persons;

public sealed class EditModel(
    NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l, IValidator<PersonInput> validator)
    : HouseholdPageModel(db, time, l)
{
    [BindProperty] public PersonInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, int personId)
    {
        var result = await ShowFormAsync(id, personId);
        if (result is PageResult) Input = PersonInput.From(Person);
        return result;
    }

    public async Task<IActionResult> OnPostAsync(int id, int personId)
    {
        if (!await LoadPersonAsync(id, personId)) return NotFound();
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();
        return await TryChangeAsync(() => Household.ChangePerson(personId, Input.ToDetails(), Today))
            ? Done(L["Die Angaben zu {0} sind gespeichert.", $"{Input.GivenName.Trim()} {Input.FamilyName.Trim()}"], id)
            : Page();
    }
}
