using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.Invitations;

namespace NestPortal.Web.Pages.Groups.Members;

/// <summary>
/// Adds a member. Details typed for someone else wait for that person's confirmation: the member gets an
/// invitation mail in the same transaction (ADR 0028). Adding oneself (one's own account's address) counts as confirmed.
/// </summary>
public sealed class AddModel(
    NestPortalDbContext db, IAuthorizationService authorization, TimeProvider time, IStringLocalizer<SharedResource> l,
    IValidator<MemberInput> validator, MemberInvitations invitations) : GroupPageModel(db, authorization, time, l)
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
        var own = User.Email() is { } email && Mentor.NormaliseEmail(email) == Mentor.NormaliseEmail(Input.Email);
        var actor = User.ToActor();
        // The member needs an id for the invitation's event key: saved first, invited second, one transaction.
        await using var transaction = await Db.Database.BeginTransactionAsync();
        Mentor? added = null;
        if (!await TryChangeAsync(() => added = Group.AddMember(Input.ToDetails(), RulesInForce, Today, actor, UtcNow,
                own ? MemberStatement.Own : MemberStatement.ByGroup)))
            return Page();
        if (!added!.IsConfirmed)
        {
            var issuedAt = UtcNow;
            Group.InviteMember(added.Id, await invitations.QueueAsync(Group, added, actor.Name, issuedAt), actor, issuedAt);
            await Db.SaveChangesAsync();
        }

        await transaction.CommitAsync();
        return Done(added.IsConfirmed
            ? L["Das Mitglied ist eingetragen."]
            : L["Das Mitglied ist eingetragen. Es hat eine Einladung erhalten, um seine Angaben zu bestätigen."], id);
    }
}
