using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Households;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Authorization;

namespace NestPortal.Web.Pages.Groups;

/// <summary>
/// The mentors' view of the household their group takes in: persons and arrival, the flat, the
/// obligations and their end dates. Never the special-needs note, nothing of other households; every
/// person shown is logged as viewed (audit).
/// </summary>
public sealed class HouseholdModel(
    NestPortalDbContext db, IAuthorizationService authorization, TimeProvider time, IStringLocalizer<SharedResource> l)
    : GroupPageModel(db, authorization, time, l)
{
    public Sponsorship? Sponsorship { get; private set; }
    public string Reference { get; private set; } = string.Empty;
    public ObligationSummary? Obligations { get; private set; }

    /// <summary>What the group must still pay into its escrow account; null when the account is covered.</summary>
    public ShortfallNotice? Shortfall { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadGroupAsync(id)) return NotFound();
        // The running sponsorship, or the latest completed one.
        Sponsorship = await Db.Sponsorships.AsNoTracking().Where(s => s.GroupId == id)
            .OrderBy(s => s.Status == SponsorshipStatus.Running ? 0 : 1).ThenByDescending(s => s.Id).FirstOrDefaultAsync();
        if (Sponsorship is null) return Page();

        // Through the household scope: a mentor reaches only households their groups sponsor.
        var household = await Db.HouseholdsVisibleTo(User).AsNoTracking().Include(h => h.Persons)
            .SingleOrDefaultAsync(h => h.Id == Sponsorship.HouseholdId);
        if (household is null) return NotFound();
        Reference = household.Reference;
        Obligations = ObligationSummary.Of(Sponsorship, household);
        Shortfall = await ShortfallNotice.ForAsync(Db, id);
        foreach (var person in household.Persons) Db.RecordView(nameof(Refugee), person.Id);
        await Db.SaveViewsAsync(HttpContext);
        return Page();
    }
}
