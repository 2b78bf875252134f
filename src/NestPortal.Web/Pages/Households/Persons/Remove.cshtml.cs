using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NestPortal.Data;

namespace NestPortal.Web.Pages.Households.Persons;

/// <summary>Asks before deleting a person recorded by mistake; after arrival the household refuses (they can only leave).</summary>
public sealed class RemoveModel(NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l)
    : HouseholdPageModel(db, time, l)
{
    public Task<IActionResult> OnGetAsync(int id, int personId) => ShowFormAsync(id, personId);

    public async Task<IActionResult> OnPostAsync(int id, int personId)
    {
        if (!await LoadPersonAsync(id, personId)) return NotFound();
        var name = Person.DisplayName;
        return await TryChangeAsync(() => Household.RemovePerson(personId))
            ? Done(L["{0} ist gelöscht.", name], id)
            : Page();
    }
}
