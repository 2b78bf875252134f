using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using NestPortal.Data;

namespace NestPortal.Web.Lookups;

/// <summary>
/// The countries staff pick most: the nationalities and countries of first refuge recorded most often
/// in the portal (most persons first), topped up from the configured typical ones. The count runs over
/// every person once every few minutes per instance, not on every form: a new family changes the order
/// a little later, which is all a shortcut list needs.
/// </summary>
public sealed class CommonCountries(NestPortalDbContext db, IMemoryCache cache, IOptions<CommonCountriesOptions> options, Countries countries)
{
    internal static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    public Task<IReadOnlyList<string>> NationalitiesAsync() =>
        CachedAsync("common-countries:nationality", db.Refugees.Select(r => r.NationalityCode), options.Value.FallbackNationalities,
            countries.IsNationality);

    public Task<IReadOnlyList<string>> FirstRefugeCountriesAsync() =>
        CachedAsync("common-countries:first-refuge", db.Refugees.Select(r => r.FirstRefugeCountryCode), options.Value.FallbackFirstRefugeCountries,
            countries.IsCountry);

    private async Task<IReadOnlyList<string>> CachedAsync(string key, IQueryable<string> recorded, IReadOnlyList<string> fallback, Func<string, bool> listed) =>
        (await cache.GetOrCreateAsync(key, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            var count = Math.Max(0, options.Value.Count);
            var mostFrequent = await recorded
                .Where(code => code != "")
                .GroupBy(code => code)
                .Select(g => new { Code = g.Key, Persons = g.Count() })
                .OrderByDescending(g => g.Persons).ThenBy(g => g.Code)
                .Take(count)
                .Select(g => g.Code)
                .ToListAsync();
            return Merge(mostFrequent, fallback, listed, count);
        }))!;

    /// <summary>
    /// The recorded ones in their order, then the typical ones not among them, <paramref name="count"/> at most;
    /// a code the list does not hold (a typo in the configuration) is skipped.
    /// </summary>
    internal static IReadOnlyList<string> Merge(IEnumerable<string> mostFrequent, IEnumerable<string> fallback, Func<string, bool> listed, int count) =>
        mostFrequent.Concat(fallback).Select(c => c.Trim().ToUpperInvariant()).Where(listed)
            .Distinct().Take(Math.Max(0, count)).ToList();
}
