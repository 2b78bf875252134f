using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Groups.Members;

public sealed class AddModel(
    NestPortalDbContext db, IAuthorizationService authorization, TimeProvider time, IStringLocalizer<SharedResource> l,
    IValidator<MemberInput> validator) : GroupPageModel(db, authorization, time, l)
{
    [BindProperty] public MemberInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadGroupAsync(id)) return NotFound();
        // An approved group takes in a replacement for a member who left (KA 5514, answer 4).
        if (!Group.IsEditableByGroup && Group.Status != GroupStatus.Approved) return RedirectToPage("/Groups/Details", new { id });
        Version = Group.ConcurrencyStamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadGroupAsync(id)) return NotFound();
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();
        return await TryChangeAsync(() => Group.AddMember(Input.ToDetails(), RulesInForce, Today, User.ToActor(), UtcNow))
            ? Done(L["Das Mitglied ist eingetragen."], id)
            : Page();
    }
}
