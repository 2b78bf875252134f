using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Households.Persons;

public sealed class AddModel(
    NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l, IValidator<PersonInput> validator)
    : HouseholdPageModel(db, time, l)
{
    [BindProperty] public PersonInput Input { get; set; } = new();

    public Task<IActionResult> OnGetAsync(int id) => ShowFormAsync(id);

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadHouseholdAsync(id)) return NotFound();
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();
        return await TryChangeAsync(() => Household.AddPerson(Input.ToDetails(), Today))
            ? Done(L["{0} ist eingetragen.", $"{Input.GivenName.Trim()} {Input.FamilyName.Trim()}"], id)
            : Page();
    }
}
