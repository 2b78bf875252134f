using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Outreach;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Outreach;

/// <summary>The competence centre records an outreach event after it took place.</summary>
public sealed class CreateModel(
    NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l, IValidator<OutreachInput> validator)
    : OutreachFormModel(db, time, l, validator)
{
    public async Task OnGetAsync()
    {
        Input.HeldOn = Today;
        await LoadChoicesAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await CheckedMunicipalitiesAsync() is not { } municipalities) return Page();
        if (!await Db.TrySaveAsync(() => Db.OutreachEvents.Add(OutreachEvent.Record(Input.HeldOn!.Value, Input.Title, Input.Kind!.Value,
                Input.Note, municipalities.Invited, municipalities.Informed, Today, User.ToActor(), UtcNow)), ModelState, L, new()))
            return Page();

        TempData["Status"] = L["Die Maßnahme ist im Log erfasst."].Value;
        return RedirectToPage("./Index");
    }
}
