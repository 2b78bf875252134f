using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Groups.Members;

public sealed class EditModel(
    NestPortalDbContext db, IAuthorizationService authorization, TimeProvider time, IStringLocalizer<SharedResource> l,
    IValidator<MemberInput> validator) : GroupPageModel(db, authorization, time, l)
{
    [BindProperty] public MemberInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, int memberId)
    {
        if (!await LoadMemberAsync(id, memberId)) return NotFound();
        if (!Group.IsEditableByGroup) return RedirectToPage("/Groups/Details", new { id });
        Input = MemberInput.From(Member);
        Version = Group.ConcurrencyStamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int memberId)
    {
        if (!await LoadMemberAsync(id, memberId)) return NotFound();
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();
        return await TryChangeAsync(() => Group.ChangeMember(memberId, Input.ToDetails(), RulesInForce, Today, User.ToActor(), UtcNow))
            ? Done(L["Die Angaben zum Mitglied sind gespeichert."], id)
            : Page();
    }
}
