using Bogus;
using NestPortal.Domain.Common;
using NestPortal.Domain.Municipalities;
using NestPortal.Development.SampleData;

namespace NestPortal.Development.VolumeData;

/// <summary>
/// Makes the i-th volume case: an approved group in a municipality (round robin over all of NRW, so
/// every municipality gets some), its household and where the household stands. Household sizes
/// come in pairs around five (5+d, 5-d), so the persons add up to exactly five per household.
/// </summary>
public sealed class VolumeCases(Faker faker, SampleTimeline timeline, SampleGroups groups, IReadOnlyList<Municipality> municipalities, VolumeOptions options)
{
    private static readonly string[] Kinds =
    [
        "Patenkreis", "Mentorengruppe", "Helferkreis", "Nachbarschaftshilfe", "Integrationsnetz", "Freundeskreis Asyl",
        "Kirchengemeinde", "Bürgerinitiative", "Begegnungscafé", "Sportverein",
    ];

    // Arrivals reach back to the programme's first year (the pilot from 2019), so reports over the volume data span every year.
    private readonly int _longestPast = timeline.LongestPastArrival(groups.EarliestSubmission);
    private int _pendingSizeOffset;

    public string ReferencePrefix => $"V{options.Seed}-";

    public SampleCase Create(int index)
    {
        var municipality = municipalities[index % municipalities.Count];
        var town = SampleFlats.TownOf(municipality);
        var round = index / municipalities.Count + 1;

        // Arrived 60 %, expected 35 %, still waiting for the decision 5 %.
        var roll = faker.Random.Int(1, 100);
        var allocated = roll <= 95;
        int arrivalInDays = roll <= 60 ? -faker.Random.Int(1, Math.Max(1, _longestPast)) : faker.Random.Int(1, allocated ? 120 : 200);
        var superseded = allocated && faker.Random.Int(1, 100) <= 5;
        var departure = arrivalInDays < 0 ? faker.Random.Int(1, 100) switch
        {
            <= 3 => SampleDeparture.OnePerson,
            4 => SampleDeparture.WholeHousehold,
            _ => SampleDeparture.None,
        } : SampleDeparture.None;
        var dates = timeline.For(arrivalInDays, matched: true, superseded, departure != SampleDeparture.None);

        var owner = new Actor($"volume-mentor-{options.Seed}-{index + 1}", faker.Name.FullName());
        var group = groups.Approved($"{faker.PickRandom(Kinds)} {town} {round}", municipality.Ags, owner, dates.GroupApproved,
            faker.Random.Int(4, 6), $"v{options.Seed}-{index + 1}");
        var family = new FamilyPlan(faker.PickRandom(Origin.All.ToArray()), NextSize(index), dates.Admitted, dates.VisaIssued, dates.ArrivedOn,
            $"BAMF-V{options.Seed}-{index + 1:000000}");
        var firstAllocation = superseded ? municipalities[(index + 1) % municipalities.Count].Ags.Value : null;
        return new SampleCase($"{ReferencePrefix}{index + 1:000000}", family, dates, null, group, municipality,
            allocated ? municipality.Ags.Value : null, firstAllocation, Acknowledged: allocated && faker.Random.Bool(), departure);
    }

    /// <summary>5 + d for an even index, 5 - d for the next one: sizes 3 to 7 that average exactly five.</summary>
    private int NextSize(int index)
    {
        if (index % 2 == 1) return VolumeOptions.PersonsPerHousehold - _pendingSizeOffset;
        // The last household of an odd count has no partner to balance it: it keeps exactly five.
        _pendingSizeOffset = index + 1 < options.Households ? faker.Random.Int(-2, 2) : 0;
        return VolumeOptions.PersonsPerHousehold + _pendingSizeOffset;
    }
}
