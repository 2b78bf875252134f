using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Outreach;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Outreach;

/// <summary>Corrects an entry of the outreach log; the municipalities still named keep their rows (and audit history).</summary>
public sealed class EditModel(
    NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l, IValidator<OutreachInput> validator)
    : OutreachFormModel(db, time, l, validator)
{
    /// <summary>The entry's stamp when the form was shown; a save fails if someone changed it since.</summary>
    [BindProperty] public Guid? Version { get; set; }

    public OutreachEvent Outreach { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await Db.OutreachEvents.SingleOrDefaultAsync(o => o.Id == id) is not { } outreach) return NotFound();
        Outreach = outreach;
        Input = OutreachInput.From(outreach);
        Version = outreach.ConcurrencyStamp;
        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await Db.OutreachEvents.SingleOrDefaultAsync(o => o.Id == id) is not { } outreach) return NotFound();
        Outreach = outreach;
        if (await CheckedMunicipalitiesAsync() is not { } municipalities) return Page();
        var saved = await Db.TrySaveAsync(outreach, o => o.ConcurrencyStamp, Version,
            () => outreach.Change(Input.HeldOn!.Value, Input.Title, Input.Kind!.Value, Input.Note, municipalities.Invited, municipalities.Informed, Today),
            ModelState, L,
            new(L["Die Maßnahme wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu und prüfen Sie Ihre Eingaben."]));
        if (!saved) return Page();
        TempData["Status"] = L["Die Änderungen an der Maßnahme sind gespeichert."].Value;
        return RedirectToPage("./Index");
    }
}
