using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Common;
using NestPortal.Domain.Households;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Outreach;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.Lookups;
using NestPortal.Web.Reports;

namespace NestPortal.Web.Tests.Reports;

/// <summary>
/// The yearly report as the database computed it before the one-pass query (ADR 0033): one grouped projection per
/// figure, every figure counted by SQL. Kept as the reference that <see cref="AnnualReportQuery"/> and the cache
/// must equal figure for figure (<see cref="AnnualReportCacheTests"/>); definitions: docs/report-definitions.md.
/// </summary>
internal sealed class GroupedSqlReport(NestPortalDbContext db, Countries countries)
{
    public async Task<AnnualReport> RunAsync(ReportRequest request, CancellationToken cancellationToken = default)
    {
        var s = request.Stichtag;
        var first = request.RangeStart;
        var last = request.RangeEnd;
        var ct = cancellationToken;

        var households = db.Households.Select(h => new { h.Id, h.AllocatedMunicipalityAgs });
        var persons = db.Refugees.Select(r => new
        {
            HouseholdId = EF.Property<int>(r, "HouseholdId"),
            r.ArrivedOn,
            r.LeftOn,
            r.DepartureReason,
            r.NationalityCode,
            r.Sex,
            r.AgeAtArrival,
        });
        var arrivedInRange = persons.Where(p => p.ArrivedOn != null && p.ArrivedOn >= first && p.ArrivedOn <= last);

        // Arrivals of every year up to S, by municipality: the yearly counts and the cumulative ones.
        var arrivals = (await persons.Where(p => p.ArrivedOn != null && p.ArrivedOn <= s)
                .Join(households, p => p.HouseholdId, h => h.Id, (p, h) => new { p.ArrivedOn, h.AllocatedMunicipalityAgs })
                .GroupBy(x => new { x.ArrivedOn!.Value.Year, x.AllocatedMunicipalityAgs })
                .Select(g => new { g.Key.Year, g.Key.AllocatedMunicipalityAgs, Count = g.Count() })
                .ToListAsync(ct))
            .Select(x => new Cell(x.Year, x.AllocatedMunicipalityAgs, x.Count)).ToList();

        var nationalities = await arrivedInRange.GroupBy(p => new { p.ArrivedOn!.Value.Year, p.NationalityCode })
            .Select(g => new { g.Key.Year, g.Key.NationalityCode, Count = g.Count() }).ToListAsync(ct);
        var sexes = await arrivedInRange.GroupBy(p => new { p.ArrivedOn!.Value.Year, p.Sex })
            .Select(g => new { g.Key.Year, g.Key.Sex, Count = g.Count() }).ToListAsync(ct);
        // Age at arrival in whole years, kept on the person (it outlives the erasure of the date of birth).
        var ages = await arrivedInRange
            .Select(p => new { p.ArrivedOn!.Value.Year, Age = p.AgeAtArrival!.Value })
            .GroupBy(x => new { x.Year, x.Age })
            .Select(g => new { g.Key.Year, g.Key.Age, Count = g.Count() }).ToListAsync(ct);
        var householdSizes = await arrivedInRange
            // The household as it stood on the Stichtag: members recorded but not (yet) arrived do not count.
            .Select(p => new
            {
                p.ArrivedOn!.Value.Year,
                Size = db.Refugees.Count(o => EF.Property<int>(o, "HouseholdId") == p.HouseholdId && o.ArrivedOn != null && o.ArrivedOn <= s),
            })
            .GroupBy(x => new { x.Year, x.Size })
            .Select(g => new { g.Key.Year, g.Key.Size, Count = g.Count() }).ToListAsync(ct);

        var groups = await GroupsTookOnCostsAsync(first, last, ct);
        var running = await RunningHouseholdsAsync(s, ct);

        var refugeeDepartures = await persons.Where(p => p.LeftOn != null && p.LeftOn >= first && p.LeftOn <= last)
            .Join(households, p => p.HouseholdId, h => h.Id, (p, h) => new { p.LeftOn, p.DepartureReason, h.AllocatedMunicipalityAgs })
            .GroupBy(x => new { x.LeftOn!.Value.Year, x.DepartureReason, x.AllocatedMunicipalityAgs })
            .Select(g => new { g.Key.Year, g.Key.DepartureReason, g.Key.AllocatedMunicipalityAgs, Count = g.Count() })
            .ToListAsync(ct);
        var mentorDepartures = await db.MentoringGroups
            .SelectMany(g => g.Members.Where(m => m.LeftOn != null && m.LeftOn >= first && m.LeftOn <= last),
                (g, m) => new { m.LeftOn, m.LeavingReason, g.HomeMunicipalityAgs })
            .GroupBy(x => new { x.LeftOn!.Value.Year, x.LeavingReason, x.HomeMunicipalityAgs })
            .Select(g => new { g.Key.Year, g.Key.LeavingReason, g.Key.HomeMunicipalityAgs, Count = g.Count() })
            .ToListAsync(ct);
        // By the completion's own date: an imported history completes a sponsorship on the day it ended,
        // so the years stay history (docs/report-definitions.md, Completed sponsorships).
        var completed = (await db.Sponsorships
                .Join(households, sp => sp.HouseholdId, h => h.Id, (sp, h) => new { End = sp.CompletedOn, h.AllocatedMunicipalityAgs })
                .Where(x => x.End != null && x.End >= first && x.End <= last)
                .GroupBy(x => new { x.End!.Value.Year, x.AllocatedMunicipalityAgs })
                .Select(g => new { g.Key.Year, g.Key.AllocatedMunicipalityAgs, Count = g.Count() })
                .ToListAsync(ct))
            .Select(x => new Cell(x.Year, x.AllocatedMunicipalityAgs, x.Count)).ToList();

        // Every year up to S, so the balances at each year end include what came before the range.
        var escrow = await db.EscrowEntries.Where(e => e.ValueDate <= s)
            .Select(e => new { e.ValueDate.Year, Kind = e.CorrectedEntry != null ? e.CorrectedEntry.Kind : e.Kind, e.Amount })
            .GroupBy(x => new { x.Year, x.Kind })
            .Select(g => new { g.Key.Year, g.Key.Kind, Sum = g.Sum(x => x.Amount) })
            .ToListAsync(ct);

        // Rent payments (not corrected) by year, and those a standing match to a bank statement confirms (ADR 0025):
        // a match counts unless the bank reversed its entry, paired per account as the reconciliation pairs them.
        var rentPayments = await db.EscrowEntries
            .Where(e => e.Kind == EscrowEntryKind.RentPayment && e.ValueDate <= s && !db.EscrowEntries.Any(c => c.CorrectsEntryId == e.Id))
            .Select(e => new { e.Id, e.ValueDate.Year }).ToListAsync(ct);
        var matchedPayments = await db.BankMatches.Select(m => new { m.EscrowEntryId, m.BankEntryId }).ToListAsync(ct);
        var withReversals = await db.BankEntries.Where(b => db.BankEntries.Any(r => r.IsReversal && r.SponsorshipId == b.SponsorshipId)).ToListAsync(ct);
        var reversed = withReversals.GroupBy(b => b.SponsorshipId).SelectMany(g => NestPortal.Domain.Banking.AccountReconciliation.FindReversed(g.ToList())).ToHashSet();
        var confirmedPayments = matchedPayments.Where(m => !reversed.Contains(m.BankEntryId)).Select(m => m.EscrowEntryId).ToHashSet();

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
                    rentPayments.Count(p => p.Year == year && confirmedPayments.Contains(p.Id)),
                    rentPayments.Count(p => p.Year == year)),
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

    /// <summary>
    /// Distinct groups per year, counted at each level on its own: a group that started two
    /// sponsorships in one year in two municipalities of one district counts once in that district.
    /// </summary>
    private async Task<GroupCounts> GroupsTookOnCostsAsync(DateOnly first, DateOnly last, CancellationToken ct)
    {
        var starts = db.Sponsorships
            .Join(db.Households, sp => sp.HouseholdId, h => h.Id, (sp, h) => new { sp.GroupId, h.FirstArrival, h.AllocatedMunicipalityAgs })
            .Where(x => x.FirstArrival != null && x.FirstArrival >= first && x.FirstArrival <= last);
        var state = await starts.GroupBy(x => x.FirstArrival!.Value.Year)
            .Select(g => new { Year = g.Key, Count = g.Select(x => x.GroupId).Distinct().Count() }).ToListAsync(ct);
        var municipal = await starts.GroupBy(x => new { x.FirstArrival!.Value.Year, x.AllocatedMunicipalityAgs })
            .Select(g => new { g.Key.Year, g.Key.AllocatedMunicipalityAgs, Count = g.Select(x => x.GroupId).Distinct().Count() }).ToListAsync(ct);
        var placed = starts.Join(db.Municipalities, x => x.AllocatedMunicipalityAgs, m => (Ags?)m.Ags,
            (x, m) => new { x.GroupId, x.FirstArrival, m.AdministrativeRegion, m.District });
        var districts = await placed.GroupBy(x => new { x.FirstArrival!.Value.Year, x.AdministrativeRegion, x.District })
            .Select(g => new { g.Key.Year, g.Key.AdministrativeRegion, g.Key.District, Count = g.Select(x => x.GroupId).Distinct().Count() }).ToListAsync(ct);
        var regions = await placed.GroupBy(x => new { x.FirstArrival!.Value.Year, x.AdministrativeRegion })
            .Select(g => new { g.Key.Year, g.Key.AdministrativeRegion, Count = g.Select(x => x.GroupId).Distinct().Count() }).ToListAsync(ct);
        return new GroupCounts(
            state.Select(x => new Cell(x.Year, null, x.Count)).ToList(),
            municipal.Select(x => new Cell(x.Year, x.AllocatedMunicipalityAgs, x.Count)).ToList(),
            districts.Select(x => new RegionalCell(x.Year, x.AdministrativeRegion, x.District, x.Count)).ToList(),
            regions.Select(x => new RegionalCell(x.Year, x.AdministrativeRegion, null, x.Count)).ToList());
    }

    /// <summary>
    /// One row per household with someone in the programme on S and a sponsorship not completed by
    /// S: whether it still runs on S is decided in memory (month arithmetic as the domain counts it).
    /// </summary>
    private async Task<List<RunningHousehold>> RunningHouseholdsAsync(DateOnly s, CancellationToken ct)
    {
        var rows = await (
                from r in db.Refugees
                join h in db.Households on EF.Property<int>(r, "HouseholdId") equals h.Id
                join sp in db.Sponsorships on h.Id equals sp.HouseholdId
                where r.ArrivedOn != null && r.ArrivedOn <= s && (sp.CompletedOn == null || sp.CompletedOn > s)
                group new { r.ArrivedOn, r.LeftOn } by new { h.Id, h.AllocatedMunicipalityAgs, sp.SupportMonths, sp.RentEndsOn } into g
                where g.Count(p => p.LeftOn == null || p.LeftOn > s) > 0
                select new
                {
                    g.Key.AllocatedMunicipalityAgs,
                    g.Key.SupportMonths,
                    g.Key.RentEndsOn,
                    LatestArrival = g.Max(p => p.ArrivedOn),
                    Staying = g.Count(p => p.LeftOn == null || p.LeftOn > s),
                })
            .ToListAsync(ct);
        return rows.Select(r => new RunningHousehold(r.AllocatedMunicipalityAgs, r.SupportMonths, r.RentEndsOn, r.LatestArrival!.Value, r.Staying)).ToList();
    }

    private sealed record RunningHousehold(Ags? Ags, int SupportMonths, DateOnly? RentEndsOn, DateOnly LatestArrival, int Staying);
}
