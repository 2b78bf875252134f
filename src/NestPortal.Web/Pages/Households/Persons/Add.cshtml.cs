using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Households;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Households.Persons;

/// <summary>
/// Adds a person to a household. The form starts from the family details of the person recorded last,
/// and "Eintragen und weitere Person erfassen" comes straight back here, so a family is entered one
/// person after the other without returning to the household page.
/// </summary>
public sealed class AddModel(
    NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l, IValidator<PersonInput> validator)
    : HouseholdPageModel(db, time, l)
{
    [BindProperty] public PersonInput Input { get; set; } = new();

    /// <summary>The person whose family details the form was filled with; null for the first person or after a refused post.</summary>
    public Refugee? FilledFrom { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var result = await ShowFormAsync(id);
        if (result is not PageResult) return result;
        FilledFrom = Household.LastRecordedPerson;
        Input = PersonInput.StartingFrom(Household.SharedWithNextPerson());
        return result;
    }

    /// <param name="id">The household.</param>
    /// <param name="next">True from the button that enters the next person right after this one.</param>
    public async Task<IActionResult> OnPostAsync(int id, bool next = false)
    {
        if (!await LoadHouseholdAsync(id)) return NotFound();
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();
        if (!await TryChangeAsync(() => Household.AddPerson(Input.ToDetails(), Today))) return Page();

        var status = L["{0} ist eingetragen.", $"{Input.GivenName.Trim()} {Input.FamilyName.Trim()}"];
        if (!next) return Done(status, id);
        TempData["Status"] = status.Value;
        return RedirectToPage("/Households/Persons/Add", new { id });
    }
}
