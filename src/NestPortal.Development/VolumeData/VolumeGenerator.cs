using System.Diagnostics;
using System.Globalization;
using Bogus;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Common;
using NestPortal.Domain.Households;
using NestPortal.Domain.Programme;
using NestPortal.Development.SampleData;

namespace NestPortal.Development.VolumeData;

/// <summary>What a run made.</summary>
public sealed record VolumeResult(int Groups, int Households, int Persons, int Sponsorships, int Allocations, TimeSpan Elapsed);

/// <summary>
/// Fills the configured database with volume data for benchmarks, through the aggregates' own
/// commands (so every rule holds and the audit log is written, as for any change). Rent accounts get
/// their deposits, not their payments: paying is the rent run's work, and its benchmark's. Works in batches:
/// each batch is saved in three steps and then forgotten by the change tracker, so memory stays flat
/// however large the scale. The same seed on the same day makes the same data.
/// </summary>
public sealed class VolumeGenerator(NestPortalDbContext db, TimeProvider time)
{
    private static readonly Actor Staff = new("volume-generator", "Volumendaten (Generator)");

    public async Task<VolumeResult> RunAsync(VolumeOptions options, Action<string> progress, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var today = time.TodayInGermany();
        var ruleSets = await db.RuleSets.AsNoTracking().ToListAsync(cancellationToken);
        // After the programme's end (NesT ended with 2025) nothing new is matched: the data's matches end on its last
        // day, while arrivals, allocations and rent go on to today, as in the authority's own data.
        var lastActiveDay = ProgrammeRuleSet.ProgrammeEnd(ruleSets) is { } end && end < today ? end : today;
        var rules = ProgrammeRuleSet.InForceOn(ruleSets, lastActiveDay)
                    ?? throw new InvalidOperationException($"No programme rule set is in force on {lastActiveDay:yyyy-MM-dd}.");
        var municipalities = await db.Municipalities.AsNoTracking().OrderBy(m => m.Ags).ToListAsync(cancellationToken);
        var faker = new Faker("de") { Random = new Randomizer(options.Seed) };
        var timeline = new SampleTimeline(faker, today, lastActiveDay);
        var cases = new VolumeCases(faker, timeline, new SampleGroups(faker, rules, Staff, ruleSets), municipalities, options);
        if (await db.Households.AnyAsync(h => h.Reference.StartsWith(cases.ReferencePrefix), cancellationToken))
            throw new InvalidOperationException($"This database already holds volume data of seed {options.Seed} (references {cases.ReferencePrefix}…). Use a fresh database or another seed.");

        var lifecycle = new SampleLifecycle(faker, rules, Staff, today, ruleSets);
        var clerk = new Actor("volume-municipality", "Sachbearbeitung Ausländerbehörde");
        int persons = 0, sponsorships = 0, allocations = 0;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var start = 0; start < options.Households; start += options.BatchSize)
        {
            var batch = new List<(SampleCase Case, Household Household)>();
            for (var index = start; index < Math.Min(start + options.BatchSize, options.Households); index++)
            {
                var sample = cases.Create(index);
                var household = lifecycle.Record(sample);
                db.MentoringGroups.Add(sample.Group!);
                db.Households.Add(household);
                batch.Add((sample, household));
                persons += household.Persons.Count;
            }

            await SaveAsync(cancellationToken);
            foreach (var (sample, household) in batch)
            {
                var sponsorship = lifecycle.MatchAndAllocate(sample, household)!;
                SampleEscrow.Fund(sponsorship, FundingOf(sponsorships), sample.Dates.Matched, today, Staff);
                db.Sponsorships.Add(sponsorship);
                sponsorships++;
                allocations += household.Allocations.Count;
            }

            await SaveAsync(cancellationToken);
            foreach (var (sample, household) in batch) lifecycle.Conclude(sample, household, _ => clerk);
            await SaveAsync(cancellationToken);
            db.ChangeTracker.Clear();

            var done = start + batch.Count;
            progress(string.Create(CultureInfo.InvariantCulture, $"{done,7:N0} / {options.Households:N0} groups and households, {persons:N0} persons, {stopwatch.Elapsed.TotalSeconds:N1} s"));
        }

        return new VolumeResult(options.Groups, options.Households, persons, sponsorships, allocations, stopwatch.Elapsed);
    }

    /// <summary>
    /// Most groups fund the whole rent; one in 25 is two months short, one in 25 had a rent rise. Taken
    /// from the case's number, not the random generator, so the rest of the data stays as before.
    /// </summary>
    private static SampleFunding FundingOf(int index) => (index % 25) switch
    {
        7 => SampleFunding.Short,
        13 => SampleFunding.RentRise,
        _ => SampleFunding.Full,
    };

    /// <summary>Changes are detected once per save, not on every Add: that keeps large batches fast.</summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
    }
}
