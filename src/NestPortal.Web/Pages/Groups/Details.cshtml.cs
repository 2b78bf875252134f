using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Common;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.Invitations;
using NestPortal.Web.Letters;

namespace NestPortal.Web.Pages.Groups;

public sealed class DetailsModel(
    NestPortalDbContext db, IAuthorizationService authorization, TimeProvider time, IStringLocalizer<SharedResource> l,
    MemberInvitations invitations, ReviewLetters notices, Banking.Reconciler reconciler)
    : GroupPageModel(db, authorization, time, l)
{
    public GroupOverview Overview { get; private set; } = null!;

    /// <summary>What still keeps the group from being submitted today; empty when it is ready.</summary>
    public IReadOnlyList<DomainError> Missing { get; private set; } = [];

    /// <summary>Whether a household was matched with the group: then the mentors' household page has something to show.</summary>
    public bool HasSponsorship { get; private set; }

    /// <summary>A family is being supported now: the page must not say the group is still waiting for one.</summary>
    public bool HasRunningSponsorship { get; private set; }

    /// <summary>What the group must still pay into its escrow account; null when the account is covered.</summary>
    public ShortfallNotice? Shortfall { get; private set; }

    /// <summary>Active members who have not confirmed their own details yet (ADR 0028), while the group is being put together.</summary>
    public IReadOnlyList<Mentor> Unconfirmed { get; private set; } = [];

    /// <summary>The signed-in person's own entry in the group, if any: they confirm and correct it themself.</summary>
    public Mentor? OwnEntry { get; private set; }

    /// <summary>The competence centre's notices to the group (approval, return), newest first.</summary>
    public IReadOnlyList<ReviewLetters.NoticeRow> Notices { get; private set; } = [];

    /// <summary>A notice sent to this group, byte for byte as stored; another group's is a 404.</summary>
    public async Task<IActionResult> OnGetNoticeAsync(int id, int letterId, bool download = false)
    {
        if (!await LoadGroupAsync(id) || await notices.FindAsync(id, letterId) is not { } letter) return NotFound();
        return LetterFile.Serve(Response, letter, download);
    }

    /// <summary>The group's sponsorships, whose documents (the lease, the rent account) the group adds here too.</summary>
    public IReadOnlyList<int> SponsorshipIds { get; private set; } = [];

    /// <summary>The running account's reconciliation warnings (ADR 0025); empty before any statement.</summary>
    public IReadOnlyList<Domain.Banking.ReconciliationWarning> ReconciliationWarnings { get; private set; } = [];

    /// <summary>A main contact of a group with a running sponsorship uploads its rent account's statements.</summary>
    public bool CanUploadStatements { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadGroupAsync(id)) return NotFound();
        await ShowAsync();
        return Page();
    }

    /// <summary>Sends an unconfirmed member a new invitation; the link of the earlier one stops working.</summary>
    public async Task<IActionResult> OnPostResendAsync(int id, int memberId)
    {
        if (!await LoadMemberAsync(id, memberId)) return NotFound();
        var actor = User.ToActor();
        var issuedAt = UtcNow;
        var member = Member;
        // The mail is queued before the command; a refusal clears it with the rest of the change.
        var hash = member.IsConfirmed || member.HasLeft ? string.Empty : await invitations.QueueAsync(Group, member, actor.Name, issuedAt);
        if (await TryChangeAsync(() => Group.InviteMember(memberId, hash, actor, issuedAt)))
            return Done(L["Die Einladung an {0} ist erneut gesendet; der frühere Link gilt nicht mehr.", member.DisplayName], id);
        await ShowAsync();
        return Page();
    }

    private async Task ShowAsync()
    {
        var id = Group.Id;
        Notices = await notices.ListAsync(id);
        SponsorshipIds = await Db.Sponsorships.Where(s => s.GroupId == id).OrderByDescending(s => s.Id).Select(s => s.Id).ToListAsync();
        HasSponsorship = SponsorshipIds.Count > 0;
        HasRunningSponsorship = HasSponsorship && await Db.Sponsorships.AnyAsync(s => s.GroupId == id && s.Status == SponsorshipStatus.Running);
        Shortfall = await ShortfallNotice.ForAsync(Db, id);
        if (HasRunningSponsorship)
        {
            var running = await Db.Sponsorships.Where(s => s.GroupId == id && s.Status == SponsorshipStatus.Running).Select(s => s.Id).FirstAsync();
            if (await Db.BankStatements.AnyAsync(b => b.SponsorshipId == running))
                ReconciliationWarnings = (await reconciler.LoadAsync(running))?.Warnings ?? [];
            CanUploadStatements = BankStatementModel.MayUpload(Group, User);
        }
        Overview = await OverviewAsync(memberActions: true);
        if (Group.IsEditableByGroup)
        {
            Missing = Group.CheckSubmission(RulesInForce, Today, ProgrammeEnd);
            Unconfirmed = Group.UnconfirmedMembers;
        }

        OwnEntry = User.Email() is { } email
            ? Group.Members.FirstOrDefault(m => !m.HasLeft && !m.IsErased && m.Email == Domain.MentoringGroups.Mentor.NormaliseEmail(email))
            : null;
        Version ??= Group.ConcurrencyStamp;
    }
}
