using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Sponsorships;

namespace NestPortal.Web.Pages.Groups;

/// <summary>What the group must still pay into its escrow account, shown wherever its mentors look.</summary>
public sealed record ShortfallNotice(int GroupId, decimal Shortfall, bool LinkToStatement = true)
{
    /// <summary>
    /// The notice for the group's running sponsorship when it is underfunded, from the stored shortfall
    /// (one column, not the ledger); null when nothing is missing.
    /// </summary>
    public static async Task<ShortfallNotice?> ForAsync(NestPortalDbContext db, int groupId)
    {
        var shortfall = await db.Sponsorships.Where(s => s.GroupId == groupId && s.Status == SponsorshipStatus.Running)
            .Select(s => (decimal?)s.EscrowShortfall).FirstOrDefaultAsync();
        return shortfall > 0 ? new ShortfallNotice(groupId, shortfall.Value) : null;
    }
}
