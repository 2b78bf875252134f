using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.Invitations;

namespace NestPortal.Web.Pages.Groups.Members;

/// <summary>
/// A member confirms (and corrects) their own details (ADR 0028): reached from the invitation's link with
/// its token, or later from the group's page (<c>?id=</c>) as the signed-in member. Public, so that someone
/// without an account yet learns what to do; only a mentor signed in with the member's own address sees
/// and changes the details. An unknown, used or expired token (or none) all get the same answer; staff are refused (403).
/// </summary>
[StaffRefused]
public sealed class ConfirmModel(
    NestPortalDbContext db, IAuthorizationService authorization, TimeProvider time, IStringLocalizer<SharedResource> l,
    IValidator<MemberInput> validator, MemberInvitations invitations) : GroupPageModel(db, authorization, time, l)
{
    public enum View
    {
        /// <summary>The link is unknown, used or expired.</summary>
        Invalid,

        /// <summary>A valid link, nobody signed in: create an account or sign in.</summary>
        SignIn,

        /// <summary>Signed in with another address than the one invited.</summary>
        WrongAccount,

        /// <summary>The member's own details to correct and confirm.</summary>
        Form,
    }

    [BindProperty] public MemberInput Input { get; set; } = new();

    public View Shown { get; private set; } = View.Form;

    /// <summary>The invitation's token, carried through the form; null when the member came from the group's page.</summary>
    public string? Token { get; private set; }

    /// <summary>The address invited, prefilled when the visitor creates an account.</summary>
    public string? InvitedEmail { get; private set; }

    /// <summary>Where registering and signing in lead back to: this invitation.</summary>
    public string ReturnUrl => Url.Page(MemberInvitations.ConfirmPage, new { token = Token })!;

    public async Task<IActionResult> OnGetAsync(string? token, int? id)
    {
        if (await ResolveAsync(token, id) is { } answer) return answer;
        Input = MemberInput.From(Member);
        Version = Group.ConcurrencyStamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? token, int? id)
    {
        if (await ResolveAsync(token, id) is { } answer) return answer;
        // What the member may not change here: the address (their account's) and the group's main-contact mark.
        Input.Kind = Member.Kind;
        Input.Email = Member.Email;
        Input.IsMainContact = Member.IsMainContact;
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();
        var memberId = Member.Id;
        return await TryChangeAsync(() => Group.ConfirmOwnDetails(memberId, Input.ToDetails(), RulesInForce, Today, User.ToActor(), UtcNow))
            ? Done(L["Danke, Ihre Angaben sind bestätigt."], Group.Id)
            : Page();
    }

    /// <summary>Finds the member the visitor may confirm; null when the form is to be shown, else the answer to give instead.</summary>
    private async Task<IActionResult?> ResolveAsync(string? token, int? id)
    {
        var signedIn = User.Identity?.IsAuthenticated == true;
        if (token is null && id is null) return Show(View.Invalid);
        if (token is not null)
        {
            Token = token;
            var invitation = await invitations.FindAsync(token, UtcNow);
            if (invitation is not { } found) return Show(View.Invalid);
            InvitedEmail = found.Email;
            if (!signedIn) return Show(View.SignIn);
            if (!IsSignedInAs(found.Email)) return Show(View.WrongAccount);
            // The member's own address makes the group theirs to work on; a member who left is refused there.
            return await LoadMemberAsync(found.GroupId, found.MemberId) ? null : NotFound();
        }

        var groupId = id!.Value;
        if (!signedIn) return Challenge();
        if (!await LoadGroupAsync(groupId)) return NotFound();
        var own = Group.Members.FirstOrDefault(m => !m.HasLeft && !m.IsErased && IsSignedInAs(m.Email));
        if (own is null || !await LoadMemberAsync(groupId, own.Id)) return NotFound();
        return null;
    }

    private bool IsSignedInAs(string email) => User.Email() is { } mine && Mentor.NormaliseEmail(mine) == email;

    private PageResult Show(View view)
    {
        Shown = view;
        return Page();
    }
}

/// <summary>
/// Staff are never members: they are refused (403) like the group pages refuse them, before the antiforgery
/// check and any handler, as the folder's policy would do for a page that is not public.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class StaffRefusedAttribute : Attribute, IAuthorizationFilter
{
    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated == true && !user.IsInRole(Roles.Mentor)) context.Result = new ForbidResult();
    }
}
