using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Common;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Web.Authorization;
using NestPortal.Domain.Sponsorships;

namespace NestPortal.Web.Pages.Groups;

public sealed class DetailsModel(
    NestPortalDbContext db, IAuthorizationService authorization, TimeProvider time, IStringLocalizer<SharedResource> l,
    Banking.Reconciler reconciler)
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

    /// <summary>The running account's reconciliation warnings (ADR 0025); empty before any statement.</summary>
    public IReadOnlyList<Domain.Banking.ReconciliationWarning> ReconciliationWarnings { get; private set; } = [];

    /// <summary>A main contact of a group with a running sponsorship uploads its rent account's statements.</summary>
    public bool CanUploadStatements { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadGroupAsync(id)) return NotFound();
        HasSponsorship = await Db.Sponsorships.AnyAsync(s => s.GroupId == id);
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
        if (Group.IsEditableByGroup) Missing = Group.CheckSubmission(RulesInForce, Today, ProgrammeEnd);
        return Page();
    }
}
