using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Groups;

public sealed class EditModel(
    NestPortalDbContext db, IAuthorizationService authorization, TimeProvider time, IStringLocalizer<SharedResource> l,
    IValidator<GroupInput> validator) : GroupPageModel(db, authorization, time, l)
{
    [BindProperty] public GroupInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadGroupAsync(id)) return NotFound();
        if (!Group.IsEditableByGroup) return RedirectToPage("/Groups/Details", new { id });
        Input = new GroupInput
        {
            Name = Group.Name,
            HomeMunicipality = await MunicipalityLookup.LabelAsync(Db, Group.HomeMunicipalityAgs) ?? string.Empty,
            SupportPlan = Group.SupportPlan,
        };
        Version = Group.ConcurrencyStamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadGroupAsync(id)) return NotFound();
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();
        var municipality = await MunicipalityLookup.ResolveAsync(Db, Input.HomeMunicipality);
        if (municipality is null)
        {
            ModelState.AddModelError("Input.HomeMunicipality", await MunicipalityLookup.NotFoundMessageAsync(Db, L, Input.HomeMunicipality));
            return Page();
        }

        return await TryChangeAsync(() => Group.ChangeDetails(Input.Name, municipality.Ags, Input.SupportPlan, User.ToActor(), UtcNow))
            ? Done(L["Die Angaben sind gespeichert."], id)
            : Page();
    }
}
