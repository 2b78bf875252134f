using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Common;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Letters;

namespace NestPortal.Web.Pages.Groups;

public sealed class DetailsModel(
    NestPortalDbContext db, IAuthorizationService authorization, TimeProvider time, IStringLocalizer<SharedResource> l, GroupNotices notices)
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

    /// <summary>The competence centre's notices to the group (approval, return), newest first.</summary>
    public IReadOnlyList<GroupNotices.NoticeRow> Notices { get; private set; } = [];

    /// <summary>A notice sent to this group, byte for byte as stored; another group's is a 404.</summary>
    public async Task<IActionResult> OnGetNoticeAsync(int id, int letterId, bool download = false)
    {
        if (!await LoadGroupAsync(id) || await notices.FindAsync(id, letterId) is not { } letter) return NotFound();
        return LetterFile.Serve(Response, letter, download);
    }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadGroupAsync(id)) return NotFound();
        Notices = await notices.ListAsync(id);
        HasSponsorship = await Db.Sponsorships.AnyAsync(s => s.GroupId == id);
        HasRunningSponsorship = HasSponsorship && await Db.Sponsorships.AnyAsync(s => s.GroupId == id && s.Status == SponsorshipStatus.Running);
        Shortfall = await ShortfallNotice.ForAsync(Db, id);
        Overview = await OverviewAsync(memberActions: true);
        if (Group.IsEditableByGroup) Missing = Group.CheckSubmission(RulesInForce, Today, ProgrammeEnd);
        return Page();
    }
}
