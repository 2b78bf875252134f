using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NestPortal.Data;
using NestPortal.Domain.Households;

namespace NestPortal.Web.Lookups;

/// <summary>
/// The next free household reference after the configured pattern, for this year in Germany: one above
/// the highest number in use (<see cref="ReferencePattern.Next"/>). Only the references that start like the
/// pattern are read. Two clerks may be offered the same one; the unique index refuses the second save.
/// </summary>
public sealed class HouseholdReferences(NestPortalDbContext db, IOptions<ReferenceOptions> options, TimeProvider time)
{
    public ReferencePattern Pattern { get; } = ReferenceOptions.Check(options.Value.Pattern);

    /// <summary>Null when no number is left or the reference would not fit the field.</summary>
    public async Task<string?> NextFreeAsync()
    {
        var year = time.TodayInGermany().Year;
        // LIKE rather than StartsWith: case-insensitive on both providers, as SQL Server's unique index compares.
        var startsLike = SearchPattern.StartsWith(Pattern.PrefixFor(year));
        var candidates = await db.Households
            .Where(h => EF.Functions.Like(h.Reference, startsLike, SearchPattern.Escape))
            .Select(h => h.Reference)
            .ToListAsync();
        return Pattern.Next(candidates, year) is { Length: <= Household.ReferenceMaxLength } next ? next : null;
    }
}
