using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Households;

namespace NestPortal.Web.Pages.Households.Persons;

/// <summary>Asks before deleting a person recorded by mistake; after arrival the household refuses (they can only leave).</summary>
public sealed class RemoveModel(NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l)
    : HouseholdPageModel(db, time, l)
{
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
        if (await TryChangeAsync(() => Household.RemovePerson(personId)))
            return Done(L["{0} ist gelöscht.", person.DisplayName], id);
        Person = Household.Persons.SingleOrDefault(p => p.Id == personId) ?? person;
        return Page();
    }
}
