using NestPortal.Domain.Municipalities;

namespace NestPortal.Web.Reports;

/// <summary>A count of one year in one municipality (null: households without allocation).</summary>
internal sealed record Cell(int Year, Ags? Ags, int Count);

/// <summary>A count of one year in a Regierungsbezirk, or in one of its districts.</summary>
internal sealed record RegionalCell(int Year, string Region, string? District, int Count);

/// <summary>Distinct groups that took on costs, counted at each level by the database.</summary>
internal sealed record GroupCounts(IReadOnlyList<Cell> State, IReadOnlyList<Cell> Municipalities, IReadOnlyList<RegionalCell> Districts,
    IReadOnlyList<RegionalCell> Regions);

/// <summary>What the report needs of a municipality; SafeHarbourSince only when declared by the Stichtag.</summary>
internal sealed record Place(string Name, string District, string Region, DateOnly? SafeHarbourSince);

internal enum AreaFigure
{
    Groups,
    Arrived,
    RefugeeDepartures,
    MentorDepartures,
    Completed,
}

/// <summary>
/// Adds the per-municipality counts up to districts and Regierungsbezirke. Counts of persons and
/// sponsorships add up; distinct groups do not, so they come counted per level from the database.
/// </summary>
internal sealed class AreaRollup(IReadOnlyDictionary<Ags, Place> places)
{
    private readonly Dictionary<(Area Area, int Year), int[]> _figures = [];

    public void Add(AreaFigure figure, IEnumerable<Cell> cells)
    {
        foreach (var cell in cells)
            foreach (var area in AreasOf(places, cell.Ags))
                Bump(area, cell.Year, figure, cell.Count);
    }

    public void AddGroups(GroupCounts groups)
    {
        foreach (var cell in groups.Municipalities)
        {
            var municipal = AreasOf(places, cell.Ags)[^1];
            Bump(municipal, cell.Year, AreaFigure.Groups, cell.Count);
            // Without allocation there is no district to count separately: the same households at every level.
            if (cell.Ags is null)
            {
                Bump(Unallocated(AreaLevel.AdministrativeRegion), cell.Year, AreaFigure.Groups, cell.Count);
                Bump(Unallocated(AreaLevel.District), cell.Year, AreaFigure.Groups, cell.Count);
            }
        }

        foreach (var cell in groups.Districts)
            Bump(new Area(AreaLevel.District, cell.Region, cell.District, null, null, null), cell.Year, AreaFigure.Groups, cell.Count);
        foreach (var cell in groups.Regions)
            Bump(new Area(AreaLevel.AdministrativeRegion, cell.Region, null, null, null, null), cell.Year, AreaFigure.Groups, cell.Count);
    }

    public IReadOnlyList<AreaYearFigures> YearFigures() =>
        Ordered(_figures.Select(f => new AreaYearFigures(f.Key.Area, f.Key.Year, f.Value[0], f.Value[1], f.Value[2], f.Value[3], f.Value[4])), f => f.Area)
            .ThenBy(f => f.Year).ToList();

    public static IReadOnlyList<AreaStichtagFigures> AtStichtag(IReadOnlyDictionary<Ags, Place> places, IEnumerable<Cell> arrivals, IEnumerable<Cell> inProgramme)
    {
        var totals = new Dictionary<Area, int[]>();
        void Count(IEnumerable<Cell> cells, int index)
        {
            foreach (var cell in cells)
                foreach (var area in AreasOf(places, cell.Ags).Prepend(Area.State))
                {
                    if (!totals.TryGetValue(area, out var values)) totals[area] = values = new int[2];
                    values[index] += cell.Count;
                }
        }

        Count(arrivals, 0);
        Count(inProgramme, 1);
        totals.TryAdd(Area.State, new int[2]);
        return Ordered(totals.Select(t => new AreaStichtagFigures(t.Key, t.Value[0], t.Value[1])), f => f.Area).ToList();
    }

    /// <summary>By level, then by name, the area "ohne Zuweisung" last in its level.</summary>
    private static IOrderedEnumerable<T> Ordered<T>(IEnumerable<T> rows, Func<T, Area> area) =>
        rows.OrderBy(r => area(r).Level)
            .ThenBy(r => area(r).IsUnallocated)
            .ThenBy(r => area(r).Region, StringComparer.Ordinal)
            .ThenBy(r => area(r).District, StringComparer.Ordinal)
            .ThenBy(r => area(r).MunicipalityName, StringComparer.Ordinal)
            .ThenBy(r => area(r).Ags, StringComparer.Ordinal);

    private void Bump(Area area, int year, AreaFigure figure, int count)
    {
        if (!_figures.TryGetValue((area, year), out var values)) _figures[(area, year)] = values = new int[5];
        values[(int)figure] += count;
    }

    private static Area Unallocated(AreaLevel level) => new(level, null, null, null, null, null);

    /// <summary>The Regierungsbezirk, district and municipality a municipality key belongs to, in that order.</summary>
    private static Area[] AreasOf(IReadOnlyDictionary<Ags, Place> places, Ags? ags)
    {
        if (ags is not { } key || !places.TryGetValue(key, out var place))
            return [Unallocated(AreaLevel.AdministrativeRegion), Unallocated(AreaLevel.District), Unallocated(AreaLevel.Municipality)];
        return
        [
            new Area(AreaLevel.AdministrativeRegion, place.Region, null, null, null, null),
            new Area(AreaLevel.District, place.Region, place.District, null, null, null),
            new Area(AreaLevel.Municipality, place.Region, place.District, key.Value, place.Name, place.SafeHarbourSince),
        ];
    }
}
