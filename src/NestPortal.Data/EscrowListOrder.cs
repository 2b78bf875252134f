using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Sponsorships;

namespace NestPortal.Data;

/// <summary>
/// The order of the escrow accounts list: running accounts first, the soonest rent end first, accounts
/// without rent (a flat the group owns) after those with, then by id. Read from an index (ADR 0035): the
/// group is a column the database computes from Status and RentEndsOn, so a page needs no sort of every
/// sponsorship.
/// </summary>
public static class EscrowListOrder
{
    /// <summary>0 running with a rent end, 1 running without, 2 completed with a rent end, 3 completed without.</summary>
    public const string Column = "ListOrderGroup";

    public static IOrderedQueryable<Sponsorship> InEscrowListOrder(this IQueryable<Sponsorship> sponsorships) =>
        sponsorships.OrderBy(s => EF.Property<int>(s, Column)).ThenBy(s => s.RentEndsOn).ThenBy(s => s.Id);
}
