using NestPortal.Domain.Households;

namespace NestPortal.Web.Pages.Households;

public enum HouseholdSort
{
    Reference,
    FamilyName,
    Arrival,
}

/// <summary>
/// Keyset ("seek") paging of the household list: a page starts after (or ends before) a given row,
/// compared by the sort key and then the id, so page 400 costs what page 1 costs (an index seek, no
/// OFFSET that reads and drops 10,000 rows). Both providers sort NULL first in ascending order;
/// the conditions below follow that, so a household without a family name or arrival is not lost.
/// "key >= anchor AND (key > anchor OR id > anchorId)" rather than a plain OR, so the database can
/// start a range scan of the (key, Id) index at the anchor.
/// </summary>
public static class HouseholdKeyset
{
    /// <summary>The sort keys of the row a page starts after or ends before.</summary>
    public sealed record Anchor(int Id, string Reference, string? PrincipalName, DateOnly? FirstArrival);

    public static IQueryable<Household> Ascending(this IQueryable<Household> query, HouseholdSort sort) => sort switch
    {
        HouseholdSort.FamilyName => query.OrderBy(h => h.PrincipalName).ThenBy(h => h.Id),
        HouseholdSort.Arrival => query.OrderBy(h => h.FirstArrival).ThenBy(h => h.Id),
        // The reference is unique: it orders on its own, straight from its unique index.
        _ => query.OrderBy(h => h.Reference),
    };

    public static IQueryable<Household> Descending(this IQueryable<Household> query, HouseholdSort sort) => sort switch
    {
        HouseholdSort.FamilyName => query.OrderByDescending(h => h.PrincipalName).ThenByDescending(h => h.Id),
        HouseholdSort.Arrival => query.OrderByDescending(h => h.FirstArrival).ThenByDescending(h => h.Id),
        _ => query.OrderByDescending(h => h.Reference),
    };

    /// <summary>The rows that come after the anchor in ascending order.</summary>
    public static IQueryable<Household> After(this IQueryable<Household> query, HouseholdSort sort, Anchor a) => sort switch
    {
        HouseholdSort.FamilyName when a.PrincipalName is null =>
            query.Where(h => h.PrincipalName != null || h.Id > a.Id),
        HouseholdSort.FamilyName =>
            query.Where(h => string.Compare(h.PrincipalName, a.PrincipalName) >= 0 && (string.Compare(h.PrincipalName, a.PrincipalName) > 0 || h.Id > a.Id)),
        HouseholdSort.Arrival when a.FirstArrival is null =>
            query.Where(h => h.FirstArrival != null || h.Id > a.Id),
        HouseholdSort.Arrival =>
            query.Where(h => h.FirstArrival >= a.FirstArrival && (h.FirstArrival > a.FirstArrival || h.Id > a.Id)),
        _ => query.Where(h => string.Compare(h.Reference, a.Reference) > 0),
    };

    /// <summary>The rows that come before the anchor in ascending order.</summary>
    public static IQueryable<Household> Before(this IQueryable<Household> query, HouseholdSort sort, Anchor a) => sort switch
    {
        HouseholdSort.FamilyName when a.PrincipalName is null =>
            query.Where(h => h.PrincipalName == null && h.Id < a.Id),
        HouseholdSort.FamilyName =>
            query.Where(h => h.PrincipalName == null || string.Compare(h.PrincipalName, a.PrincipalName) < 0 || (h.PrincipalName == a.PrincipalName && h.Id < a.Id)),
        HouseholdSort.Arrival when a.FirstArrival is null =>
            query.Where(h => h.FirstArrival == null && h.Id < a.Id),
        HouseholdSort.Arrival =>
            query.Where(h => h.FirstArrival == null || h.FirstArrival < a.FirstArrival || (h.FirstArrival == a.FirstArrival && h.Id < a.Id)),
        _ => query.Where(h => string.Compare(h.Reference, a.Reference) < 0),
    };
}
