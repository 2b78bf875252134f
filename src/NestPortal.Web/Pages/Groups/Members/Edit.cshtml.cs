using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Web.Authorization;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.Invitations;

namespace NestPortal.Web.Pages.Groups.Members;

/// <summary>
/// Changes a member's entry. A change by someone else to what the member confirmed makes them unconfirmed
/// again (ADR 0028): then, and after a new address, the member gets a new invitation in the same transaction.
/// </summary>
public sealed class EditModel(
    NestPortalDbContext db, IAuthorizationService authorization, TimeProvider time, IStringLocalizer<SharedResource> l,
    IValidator<MemberInput> validator, MemberInvitations invitations) : GroupPageModel(db, authorization, time, l)
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
        var (wasConfirmed, oldEmail) = (Member.IsConfirmed, Member.Email);
        // One's own entry, before and after: the person states it themself.
        var own = User.Email() is { } email && Mentor.NormaliseEmail(email) == oldEmail && oldEmail == Mentor.NormaliseEmail(Input.Email);
        var actor = User.ToActor();
        await using var transaction = await Db.Database.BeginTransactionAsync();
        if (!await TryChangeAsync(() => Group.ChangeMember(memberId, Input.ToDetails(), RulesInForce, Today, actor, UtcNow,
                own ? MemberStatement.Own : MemberStatement.ByGroup)))
            return Page();
        var member = Group.FindMember(memberId);
        var invited = !member.IsConfirmed && (wasConfirmed || member.Email != oldEmail);
        if (invited)
        {
            var issuedAt = UtcNow;
            Group.InviteMember(memberId, await invitations.QueueAsync(Group, member, actor.Name, issuedAt), actor, issuedAt);
            await Db.SaveChangesAsync();
        }

        await transaction.CommitAsync();
        return Done(invited
            ? L["Die Angaben zum Mitglied sind gespeichert. Das Mitglied hat eine Einladung erhalten, um sie zu bestätigen."]
            : L["Die Angaben zum Mitglied sind gespeichert."], id);
    }
}
