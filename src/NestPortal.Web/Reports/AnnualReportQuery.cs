using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Common;
using NestPortal.Domain.Households;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Outreach;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Reports;

/// <summary>
/// Computes the yearly report from narrow rows read once: every person the report counts (arrived by the
/// Stichtag, or left in the range), every household and every sponsorship, each with only the columns a figure
/// needs, aggregated in memory in one pass (about 25,000 small rows at ten times national scale); the ledger,
/// the mentors' departures and the outreach log stay grouped in the database. The number of SQL commands is
/// fixed; no entity is loaded. Before, each figure was its own grouped query and five of them scanned every
/// arrived person again, one with a subquery per person (docs/performance.md, Annual report; ADR 0033).
/// </summary>
/// <remarks>
/// Definitions (docs/report-definitions.md), each counting only what happened on or before the Stichtag S:
/// <list type="bullet">
/// <item>Geography: a household's area is its current allocation municipality
/// (<see cref="Household.AllocatedMunicipalityAgs"/>) with its district and Regierungsbezirk; households
/// without allocation are the area "ohne Zuweisung". Groups count where their sponsorship's household
/// lives; mentors who leave count at their group's home municipality.</item>
/// <item>Groups that took on costs in year Y: distinct groups with a sponsorship whose household's first
/// arrival is in Y (and ≤ S). A group with two sponsorships in one year counts once; in each year it started one.</item>
/// <item>Refugees arrived in Y: persons with ArrivedOn in Y; cumulative: every ArrivedOn ≤ S, also before the range.</item>
/// <item>In the programme on S: persons arrived ≤ S and not left (LeftOn null or after S) whose sponsorship runs
/// on S: it ends on the later of RentEndsOn and the household's support end (the latest arrival ≤ S plus the
/// sponsorship's support months); it runs iff S ≤ end and it was not completed on or before S.</item>
/// <item>Distributions (nationality, sex, age band at arrival, household size = persons of the household arrived
/// by S) are of the persons arrived in each year of the range.</item>
/// <item>Early departures in Y: mentors by LeftOn (reasons as their free text), refugees by LeftOn and DepartureReason.</item>
/// <item>Sponsorships completed in Y: CompletedOn in Y (the rent run's day, or the day an imported history names).</item>
/// <item>Escrow in Y by value date: deposited, paid as rent and refunded as positive sums, a correction counted
/// with the kind of the entry it corrects, in the correction's year; balances are the plain sum of entries.</item>
/// <item>Outreach in Y: events held (by kind), distinct municipalities invited and informed, and of those
/// informed the ones that had declared themselves Sicherer Hafen by S.</item>
/// </list>
/// </remarks>
public sealed class AnnualReportQuery(NestPortalDbContext db, Countries countries)
{
    public async Task<AnnualReport> RunAsync(ReportRequest request, CancellationToken cancellationToken = default)
    {
        var s = request.Stichtag;
        var first = request.RangeStart;
        var last = request.RangeEnd;
        var ct = cancellationToken;

        // Arrived by S (every figure of arrivals and the programme) or left in the range (early departures).
        var persons = await db.Refugees
            .Where(r => (r.ArrivedOn != null && r.ArrivedOn <= s) || (r.LeftOn != null && r.LeftOn >= first && r.LeftOn <= last))
            .Select(r => new PersonRow(EF.Property<int>(r, "HouseholdId"), r.ArrivedOn, r.LeftOn, r.DepartureReason, r.NationalityCode, r.Sex, r.AgeAtArrival))
            .ToListAsync(ct);
        var households = (await db.Households.Select(h => new HouseholdRow(h.Id, h.AllocatedMunicipalityAgs, h.FirstArrival)).ToListAsync(ct))
            .ToDictionary(h => h.Id);
        var sponsorships = await db.Sponsorships
            .Select(sp => new SponsorshipRow(sp.GroupId, sp.HouseholdId, sp.CompletedOn, sp.SupportMonths, sp.RentEndsOn)).ToListAsync(ct);

        var arrivedByS = persons.Where(p => p.ArrivedOn is { } arrived && arrived <= s).ToList();
        var arrivedInRange = arrivedByS.Where(p => p.ArrivedOn >= first && p.ArrivedOn <= last).ToList();

        // Arrivals of every year up to S, by municipality: the yearly counts and the cumulative ones.
        var arrivals = Count(arrivedByS.Where(p => households.ContainsKey(p.HouseholdId)),
            p => (p.ArrivedOn!.Value.Year, households[p.HouseholdId].Ags), x => new Cell(x.Key.Year, x.Key.Ags, x.Count));

        var nationalities = Count(arrivedInRange, p => (p.ArrivedOn!.Value.Year, p.NationalityCode), x => new { x.Key.Year, x.Key.NationalityCode, x.Count });
        var sexes = Count(arrivedInRange, p => (p.ArrivedOn!.Value.Year, p.Sex), x => new { x.Key.Year, x.Key.Sex, x.Count });
        // Age at arrival in whole years, kept on the person (it outlives the erasure of the date of birth).
        var ages = Count(arrivedInRange, p => (p.ArrivedOn!.Value.Year, Age: p.AgeAtArrival!.Value), x => new { x.Key.Year, x.Key.Age, x.Count });
        // The household as it stood on the Stichtag: members recorded but not (yet) arrived do not count.
        var arrivedPerHousehold = arrivedByS.CountBy(p => p.HouseholdId).ToDictionary();
        var householdSizes = Count(arrivedInRange, p => (p.ArrivedOn!.Value.Year, Size: arrivedPerHousehold[p.HouseholdId]), x => new { x.Key.Year, x.Key.Size, x.Count });

        var running = RunningHouseholds(arrivedByS, households, sponsorships, s);

        var refugeeDepartures = Count(
            persons.Where(p => p.LeftOn is { } left && left >= first && left <= last && households.ContainsKey(p.HouseholdId)),
            p => (p.LeftOn!.Value.Year, p.DepartureReason, households[p.HouseholdId].Ags),
            x => new { x.Key.Year, x.Key.DepartureReason, AllocatedMunicipalityAgs = x.Key.Ags, x.Count });
        var mentorDepartures = await db.MentoringGroups
            .SelectMany(g => g.Members.Where(m => m.LeftOn != null && m.LeftOn >= first && m.LeftOn <= last),
                (g, m) => new { m.LeftOn, m.LeavingReason, g.HomeMunicipalityAgs })
            .GroupBy(x => new { x.LeftOn!.Value.Year, x.LeavingReason, x.HomeMunicipalityAgs })
            .Select(g => new { g.Key.Year, g.Key.LeavingReason, g.Key.HomeMunicipalityAgs, Count = g.Count() })
            .ToListAsync(ct);
        // By the completion's own date: an imported history completes a sponsorship on the day it ended,
        // so the years stay history (docs/report-definitions.md, Completed sponsorships).
        var completed = Count(
            sponsorships.Where(sp => sp.CompletedOn is { } end && end >= first && end <= last && households.ContainsKey(sp.HouseholdId)),
            sp => (sp.CompletedOn!.Value.Year, households[sp.HouseholdId].Ags), x => new Cell(x.Key.Year, x.Key.Ags, x.Count));

        // Every year up to S, so the balances at each year end include what came before the range.
        var escrow = await db.EscrowEntries.Where(e => e.ValueDate <= s)
            .Select(e => new { e.ValueDate.Year, Kind = e.CorrectedEntry != null ? e.CorrectedEntry.Kind : e.Kind, e.Amount })
            .GroupBy(x => new { x.Year, x.Kind })
            .Select(g => new { g.Key.Year, g.Key.Kind, Sum = g.Sum(x => x.Amount) })
            .ToListAsync(ct);

        // Rent payments (not corrected) by year, and those a standing match to a bank statement confirms (ADR 0025):
        // a match counts unless the bank reversed its entry, paired per account as the reconciliation pairs them.
        var rentPaymentsStanding = db.EscrowEntries
            .Where(e => e.Kind == EscrowEntryKind.RentPayment && e.ValueDate <= s && !db.EscrowEntries.Any(c => c.CorrectsEntryId == e.Id));
        var rentPayments = await rentPaymentsStanding.GroupBy(e => e.ValueDate.Year)
            .Select(g => new { Year = g.Key, Count = g.Count() }).ToListAsync(ct);
        var matchedPayments = await (
                from m in db.BankMatches
                join e in rentPaymentsStanding on m.EscrowEntryId equals e.Id
                select new { m.EscrowEntryId, m.BankEntryId, e.ValueDate.Year })
            .ToListAsync(ct);
        var withReversals = await db.BankEntries.Where(b => db.BankEntries.Any(r => r.IsReversal && r.SponsorshipId == b.SponsorshipId)).ToListAsync(ct);
        var reversed = withReversals.GroupBy(b => b.SponsorshipId).SelectMany(g => Domain.Banking.AccountReconciliation.FindReversed(g.ToList())).ToHashSet();
        var confirmedPayments = matchedPayments.Where(m => !reversed.Contains(m.BankEntryId)).DistinctBy(m => m.EscrowEntryId)
            .CountBy(m => m.Year).ToDictionary();

        var outreachEvents = await db.OutreachEvents.Where(o => o.HeldOn >= first && o.HeldOn <= last)
            .GroupBy(o => new { o.HeldOn.Year, o.Kind })
            .Select(g => new { g.Key.Year, g.Key.Kind, Count = g.Count() }).ToListAsync(ct);
        // Distinct (year, municipality, informed) rows: at most years × municipalities × 2, whatever the number of events.
        var outreachMunicipalities = await (
                from om in db.OutreachMunicipalities
                join o in db.OutreachEvents on om.OutreachEventId equals o.Id
                join m in db.Municipalities on om.MunicipalityAgs equals m.Ags
                where o.HeldOn >= first && o.HeldOn <= last
                select new { o.HeldOn.Year, om.MunicipalityAgs, om.Informed, SafeHarbour = m.SafeHarbourDeclaredOn != null && m.SafeHarbourDeclaredOn <= s })
            .Distinct().ToListAsync(ct);

        var places = (await db.Municipalities
                .Select(m => new { m.Ags, m.Name, m.District, m.AdministrativeRegion, m.SafeHarbourDeclaredOn })
                .ToListAsync(ct))
            .ToDictionary(m => m.Ags, m => new Place(m.Name, m.District, m.AdministrativeRegion,
                m.SafeHarbourDeclaredOn is { } declared && declared <= s ? declared : null));
        var groups = GroupsTookOnCosts(sponsorships, households, places, first, last);

        var years = request.Years;
        var yearFigures = years.Select(year =>
        {
            var beforeEnd = arrivals.Where(a => a.Year <= year).Sum(a => a.Count);
            var outreachOfYear = outreachMunicipalities.Where(o => o.Year == year).ToList();
            var informed = outreachOfYear.Where(o => o.Informed).ToList();
            return new YearFigures(
                year,
                groups.State.Where(g => g.Year == year).Sum(g => g.Count),
                arrivals.Where(a => a.Year == year).Sum(a => a.Count),
                beforeEnd,
                refugeeDepartures.Where(d => d.Year == year).Sum(d => d.Count),
                mentorDepartures.Where(d => d.Year == year).Sum(d => d.Count),
                completed.Where(c => c.Year == year).Sum(c => c.Count),
                new EscrowYear(
                    escrow.Where(e => e.Year == year && e.Kind == EscrowEntryKind.Deposit).Sum(e => e.Sum),
                    -escrow.Where(e => e.Year == year && e.Kind == EscrowEntryKind.RentPayment).Sum(e => e.Sum),
                    -escrow.Where(e => e.Year == year && e.Kind == EscrowEntryKind.Refund).Sum(e => e.Sum),
                    escrow.Where(e => e.Year <= year).Sum(e => e.Sum),
                    confirmedPayments.GetValueOrDefault(year),
                    rentPayments.Where(p => p.Year == year).Sum(p => p.Count)),
                new OutreachYear(
                    outreachEvents.Where(o => o.Year == year).Sum(o => o.Count),
                    Enum.GetValues<OutreachKind>().ToDictionary(k => k, k => outreachEvents.Where(o => o.Year == year && o.Kind == k).Sum(o => o.Count)),
                    outreachOfYear.Select(o => o.MunicipalityAgs).Distinct().Count(),
                    informed.Select(o => o.MunicipalityAgs).Distinct().Count(),
                    informed.Where(o => o.SafeHarbour).Select(o => o.MunicipalityAgs).Distinct().Count()));
        }).ToList();

        var inProgramme = running
            .Where(h => s <= Later(h.RentEndsOn, Months.EndOfPeriod(h.LatestArrival, h.SupportMonths)))
            .Select(h => new Cell(s.Year, h.Ags, h.Staying)).ToList();
        var atStichtag = new StichtagFigures(arrivals.Sum(a => a.Count), inProgramme.Sum(c => c.Count), escrow.Sum(e => e.Sum));

        var areas = new AreaRollup(places);
        areas.AddGroups(groups);
        areas.Add(AreaFigure.Arrived, arrivals.Where(a => a.Year >= request.FromYear && a.Year <= request.ToYear));
        areas.Add(AreaFigure.RefugeeDepartures, refugeeDepartures.Select(d => new Cell(d.Year, d.AllocatedMunicipalityAgs, d.Count)));
        areas.Add(AreaFigure.MentorDepartures, mentorDepartures.Select(d => new Cell(d.Year, d.HomeMunicipalityAgs, d.Count)));
        areas.Add(AreaFigure.Completed, completed);

        return new AnnualReport(
            request,
            yearFigures,
            atStichtag,
            nationalities.Select(n => new YearCount<NationalityKey>(new NationalityKey(n.NationalityCode, countries.Name(n.NationalityCode, Germany)), n.Year, n.Count)).ToList(),
            sexes.Select(x => new YearCount<Sex>(x.Sex, x.Year, x.Count)).ToList(),
            Merge(ages.Select(a => new YearCount<AgeBand>(AgeBands.Of(a.Age), a.Year, a.Count))),
            Merge(householdSizes.Select(h => new YearCount<int>(Math.Min(h.Size, 6), h.Year, h.Count))),
            Merge(refugeeDepartures.Select(d => new YearCount<DepartureReason>(d.DepartureReason ?? DepartureReason.Other, d.Year, d.Count))),
            Merge(mentorDepartures.Select(d => new YearCount<string>(d.LeavingReason?.Trim() ?? string.Empty, d.Year, d.Count))),
            areas.YearFigures(),
            AreaRollup.AtStichtag(places, arrivals, inProgramme));
    }

    private static readonly System.Globalization.CultureInfo Germany = System.Globalization.CultureInfo.GetCultureInfo("de-DE");

    private static DateOnly Later(DateOnly? a, DateOnly b) => a is { } value && value > b ? value : b;

    private static List<YearCount<TKey>> Merge<TKey>(IEnumerable<YearCount<TKey>> cells) where TKey : notnull =>
        cells.GroupBy(c => (c.Key, c.Year)).Select(g => new YearCount<TKey>(g.Key.Key, g.Key.Year, g.Sum(c => c.Count))).ToList();

    /// <summary>How many rows per key: what a GROUP BY with COUNT(*) gave.</summary>
    private static List<TResult> Count<TRow, TKey, TResult>(IEnumerable<TRow> rows, Func<TRow, TKey> key, Func<(TKey Key, int Count), TResult> result)
        where TKey : notnull =>
        rows.CountBy(key).Select(x => (x.Key, Count: x.Value)).Select(result).ToList();

    /// <summary>
    /// Distinct groups per year, counted at each level on its own: a group that started two
    /// sponsorships in one year in two municipalities of one district counts once in that district.
    /// </summary>
    private static GroupCounts GroupsTookOnCosts(IReadOnlyList<SponsorshipRow> sponsorships, IReadOnlyDictionary<int, HouseholdRow> households,
        IReadOnlyDictionary<Ags, Place> places, DateOnly first, DateOnly last)
    {
        var starts = sponsorships
            .Select(sp => (sp.GroupId, Household: households.GetValueOrDefault(sp.HouseholdId)))
            .Where(x => x.Household?.FirstArrival is { } arrival && arrival >= first && arrival <= last)
            .Select(x => (x.GroupId, x.Household!.FirstArrival!.Value.Year, x.Household.Ags))
            .ToList();
        // A municipality not in the register has no district or region: the database's inner join left it out there too.
        var placed = starts.Where(x => x.Ags is { } ags && places.ContainsKey(ags))
            .Select(x => (x.GroupId, x.Year, Place: places[x.Ags!.Value])).ToList();
        return new GroupCounts(
            Distinct(starts, x => x.Year, x => x.GroupId).Select(x => new Cell(x.Key, null, x.Count)).ToList(),
            Distinct(starts, x => (x.Year, x.Ags), x => x.GroupId).Select(x => new Cell(x.Key.Year, x.Key.Ags, x.Count)).ToList(),
            Distinct(placed, x => (x.Year, x.Place.Region, x.Place.District), x => x.GroupId)
                .Select(x => new RegionalCell(x.Key.Year, x.Key.Region, x.Key.District, x.Count)).ToList(),
            Distinct(placed, x => (x.Year, x.Place.Region), x => x.GroupId)
                .Select(x => new RegionalCell(x.Key.Year, x.Key.Region, null, x.Count)).ToList());
    }

    private static IEnumerable<(TKey Key, int Count)> Distinct<TRow, TKey>(IEnumerable<TRow> rows, Func<TRow, TKey> key, Func<TRow, int> groupId)
        where TKey : notnull =>
        rows.GroupBy(key).Select(g => (g.Key, Count: g.Select(groupId).Distinct().Count()));

    /// <summary>
    /// One row per household with someone in the programme on S and a sponsorship not completed by S (per
    /// household, sponsorship support months and rent end, as the database grouped them): whether it still runs
    /// on S is decided by the caller (month arithmetic as the domain counts it).
    /// </summary>
    private static List<RunningHousehold> RunningHouseholds(IEnumerable<PersonRow> arrivedByS, IReadOnlyDictionary<int, HouseholdRow> households,
        IEnumerable<SponsorshipRow> sponsorships, DateOnly s)
    {
        var notCompleted = sponsorships.Where(sp => sp.CompletedOn is null || sp.CompletedOn > s).ToLookup(sp => sp.HouseholdId);
        return arrivedByS
            .Where(p => households.ContainsKey(p.HouseholdId))
            .SelectMany(p => notCompleted[p.HouseholdId], (p, sp) => (Person: p, sp.SupportMonths, sp.RentEndsOn))
            .GroupBy(x => (x.Person.HouseholdId, x.SupportMonths, x.RentEndsOn))
            .Select(g => new RunningHousehold(households[g.Key.HouseholdId].Ags, g.Key.SupportMonths, g.Key.RentEndsOn,
                g.Max(x => x.Person.ArrivedOn!.Value), g.Count(x => x.Person.LeftOn is null || x.Person.LeftOn > s)))
            .Where(h => h.Staying > 0)
            .ToList();
    }

    private sealed record PersonRow(int HouseholdId, DateOnly? ArrivedOn, DateOnly? LeftOn, DepartureReason? DepartureReason,
        string NationalityCode, Sex Sex, int? AgeAtArrival);

    private sealed record HouseholdRow(int Id, Ags? Ags, DateOnly? FirstArrival);

    private sealed record SponsorshipRow(int GroupId, int HouseholdId, DateOnly? CompletedOn, int SupportMonths, DateOnly? RentEndsOn);

    private sealed record RunningHousehold(Ags? Ags, int SupportMonths, DateOnly? RentEndsOn, DateOnly LatestArrival, int Staying);
}
