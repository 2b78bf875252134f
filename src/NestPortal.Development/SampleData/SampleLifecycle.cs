using Bogus;
using NestPortal.Domain.Common;
using NestPortal.Domain.Households;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Programme;
using NestPortal.Domain.Sponsorships;

namespace NestPortal.Development.SampleData;

public enum SampleDeparture
{
    None,
    OnePerson,
    WholeHousehold,
}

/// <summary>
/// One sample household's way through the programme. Without <see cref="Group"/> it waits for BAMF's
/// match; without <see cref="AllocatedTo"/> (an AGS) a matched household waits for its decision.
/// </summary>
public sealed record SampleCase(
    string Reference,
    FamilyPlan Family,
    SampleTimeline.Dates Dates,
    string? Note = null,
    MentoringGroup? Group = null,
    Municipality? FlatIn = null,
    string? AllocatedTo = null,
    string? FirstAllocatedTo = null,
    bool Acknowledged = false,
    SampleDeparture Departure = SampleDeparture.None);

/// <summary>
/// Plays sample cases through the aggregates' own commands, in the three steps that saving needs:
/// record (groups and households get ids), match and allocate (they need those ids), then
/// acknowledge and depart (they need the ids of allocations and persons).
/// </summary>
/// <param name="history">When given, a match takes the rule set of its group's submission (found here) rather than <paramref name="rules"/>.</param>
public sealed class SampleLifecycle(Faker faker, ProgrammeRuleSet rules, Actor staff, DateOnly today, IReadOnlyCollection<ProgrammeRuleSet>? history = null)
{
    public Household Record(SampleCase sample)
    {
        var household = Household.Record(sample.Reference, sample.Dates.ExpectedArrival, sample.Note, today,
            SampleGroups.Noon(sample.Dates.Admitted));
        foreach (var person in RefugeeFamilies.Persons(faker, sample.Family)) household.AddPerson(person, today);
        return household;
    }

    /// <summary>The match with its flat and escrow account, then the decision(s); null when the household waits for its match.</summary>
    public Sponsorship? MatchAndAllocate(SampleCase sample, Household household)
    {
        if (sample.Group is not { } group || sample.FlatIn is not { } flatIn) return null;
        var dates = sample.Dates;
        var flat = SampleFlats.Flat(faker, flatIn, sample.Family.Size, dates.LeaseStart, dates.Matched);
        var groupRules = history?.FirstOrDefault(r => r.Id == group.RuleSetId) ?? rules;
        var sponsorship = Sponsorship.Match(group, household, groupRules, null, flat, SampleFlats.Escrow(faker, group.Name, flatIn),
            runningSponsorshipsOfGroup: 0, programmeEnd: null, dates.Matched, staff, SampleGroups.Noon(dates.Matched));
        if (sample.FirstAllocatedTo is { } first)
            household.Allocate(Decision(first, dates.Decided, household), false, today, staff, SampleGroups.Noon(dates.Decided));
        if (sample.AllocatedTo is { } allocated)
        {
            var decided = dates.Redecided ?? dates.Decided;
            household.Allocate(Decision(allocated, decided, household), supersedeCurrent: true, today, staff, SampleGroups.Noon(decided).AddHours(1));
        }

        return sponsorship;
    }

    /// <summary>The municipality's receipt and any early departure.</summary>
    public void Conclude(SampleCase sample, Household household, Func<Ags, Actor> clerkOf)
    {
        if (sample.Acknowledged && household.CurrentAllocation is { } current)
            household.AcknowledgeAllocation(current.Id, current.MunicipalityAgs, clerkOf(current.MunicipalityAgs), SampleGroups.Noon(sample.Dates.Acknowledged));
        if (sample.Dates.Left is not { } left) return;
        if (sample.Departure == SampleDeparture.OnePerson)
            household.RecordDeparture(household.Persons.First().Id, left, DepartureReason.MovedAway, "Umzug zu Verwandten in eine andere Stadt.", today);
        else if (sample.Departure == SampleDeparture.WholeHousehold)
            household.RecordHouseholdDeparture(left, DepartureReason.LeftGermany, "Weiterreise zu Angehörigen in Schweden.", today);
    }

    /// <summary>A Zuweisungsentscheidung numbered after the household's earlier ones.</summary>
    private static AllocationDecision Decision(string ags, DateOnly decided, Household household) =>
        new(Ags.Parse(ags), decided, $"Az. 36.2-{household.Id:00000}/{household.Allocations.Count + 1}",
            AllocationDecision.DefaultLegalBasis, decided.AddDays(14));
}
