using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Web.Authorization;

namespace NestPortal.Web.Pages.Groups.Members;

/// <summary>Asks before removing a member; the removal is kept in the group's history.</summary>
public sealed class RemoveModel(
    NestPortalDbContext db, IAuthorizationService authorization, TimeProvider time, IStringLocalizer<SharedResource> l)
    : GroupPageModel(db, authorization, time, l)
{
    public async Task<IActionResult> OnGetAsync(int id, int memberId)
    {
        if (!await LoadMemberAsync(id, memberId)) return NotFound();
        if (!Group.IsEditableByGroup) return RedirectToPage("/Groups/Details", new { id });
        Version = Group.ConcurrencyStamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int memberId)
    {
        if (!await LoadMemberAsync(id, memberId)) return NotFound();
        var name = Member.DisplayName;
        return await TryChangeAsync(() => Group.RemoveMember(memberId, User.ToActor(), UtcNow))
            ? Done(L["{0} ist aus der Gruppe entfernt.", name], id)
            : Page();
    }
}
