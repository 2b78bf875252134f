using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Groups;

public sealed class CreateModel(
    NestPortalDbContext db, IValidator<GroupInput> validator, TimeProvider time,
    IStringLocalizer<SharedResource> l, ILogger<CreateModel> logger) : PageModel
{
    [BindProperty] public GroupInput Input { get; set; } = new();
    public RulesToday Rules { get; private set; } = null!;

    public async Task OnGetAsync() => Rules = await RulesTodayAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        Rules = await RulesTodayAsync();
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();
        var municipality = await MunicipalityLookup.ResolveAsync(db, Input.HomeMunicipality);
        if (municipality is null)
        {
            ModelState.AddModelError("Input.HomeMunicipality", await MunicipalityLookup.NotFoundMessageAsync(db, l, Input.HomeMunicipality));
            return Page();
        }

        var actor = User.ToActor();
        MentoringGroup group = null!;
        if (!await db.TrySaveAsync(() =>
            {
                group = MentoringGroup.Register(Input.Name, municipality.Ags, actor, time.UtcNow());
                if (!string.IsNullOrWhiteSpace(Input.SupportPlan))
                    group.ChangeDetails(Input.Name, municipality.Ags, Input.SupportPlan, actor, time.UtcNow());
                db.MentoringGroups.Add(group);
            }, ModelState, l, new()))
            return Page();

        logger.LogInformation("Group {GroupId} registered", group.Id);
        TempData["Status"] = l["Die Gruppe ist angelegt. Tragen Sie jetzt die Mitglieder ein."].Value;
        return RedirectToPage("./Details", new { id = group.Id });
    }

    private async Task<RulesToday> RulesTodayAsync()
    {
        var today = time.TodayInGermany();
        var (inForce, programmeEnd) = await db.RulesOnAsync(today);
        return new RulesToday(inForce, programmeEnd, today);
    }
}
