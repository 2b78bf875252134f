using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using Microsoft.EntityFrameworkCore;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.Notifications;

namespace NestPortal.Web.Pages.Households;

public sealed class EditModel(
    NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l, IValidator<HouseholdInput> validator, Notifier notifier)
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

        var arrivalBefore = Household.ExpectedArrival;
        return await TryChangeAsync(() => Household.ChangeDetails(Input.Reference, Input.ExpectedArrival, Input.SpecialNeedsNote, Today),
                notify: () => Household.ExpectedArrival is { } expected && expected != arrivalBefore ? NotifyArrivalAsync(expected) : Task.CompletedTask)
            ? Done(L["Die Angaben zur Familie sind gespeichert."], id)
            : Page();
    }

    /// <summary>
    /// A new expected arrival goes to the municipality (of the allocation, else of the flat) and to the group's
    /// members; nobody is told while the household has neither.
    /// </summary>
    private async Task NotifyArrivalAsync(DateOnly expected)
    {
        var sponsorship = await Db.Sponsorships.Where(s => s.HouseholdId == Household.Id)
            .OrderByDescending(s => s.Id).Select(s => new { s.GroupId, s.Apartment.MunicipalityAgs }).FirstOrDefaultAsync();
        var reference = Household.Reference;
        if ((Household.AllocatedMunicipalityAgs ?? sponsorship?.MunicipalityAgs) is { } municipality)
        {
            // The municipality sees the household's page once it is allocated to it; before, its overview.
            var link = Household.AllocatedMunicipalityAgs is null ? "/MyMunicipality" : $"/MyMunicipality/Households/{Household.Id}";
            await notifier.ToMunicipalityAsync(municipality, SponsorshipNotices.ArrivalDate(Household.Id, reference, expected, link));
        }

        if (sponsorship is not null)
            await notifier.ToGroupAsync(sponsorship.GroupId, SponsorshipNotices.ArrivalDate(Household.Id, reference, expected, $"/Groups/Household/{sponsorship.GroupId}"));
    }
}
