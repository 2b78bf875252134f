using Bogus;
using NestPortal.Domain.Common;

namespace NestPortal.Development.SampleData;

/// <summary>
/// The dates of one sample household, worked back from its arrival: admission, the group's approval,
/// the match, the lease (from the month of arrival), the decision, the receipt and any departure.
/// Every date lies on or before today except an expected arrival.
/// </summary>
/// <param name="lastMatchDay">The last day a match may lie on (the programme's end, when the data ends it); today by default.</param>
public sealed class SampleTimeline(Faker faker, DateOnly today, DateOnly? lastMatchDay = null)
{
    public DateOnly Today { get; } = today;

    public sealed record Dates(
        DateOnly Admitted, DateOnly? VisaIssued, DateOnly? ArrivedOn, DateOnly? ExpectedArrival,
        DateOnly GroupApproved, DateOnly Matched, DateOnly LeaseStart, DateOnly Decided, DateOnly? Redecided,
        DateOnly Acknowledged, DateOnly? Left);

    /// <param name="arrivalInDays">Negative: arrived that many days ago; positive: expected then; null: not known yet.</param>
    /// <param name="matched">Whether BAMF matched the household with a group (then it was admitted before the match).</param>
    /// <param name="superseded">Whether a second decision replaced the first a few days later.</param>
    /// <param name="departs">Whether someone leaves the programme (only after arriving).</param>
    public Dates For(int? arrivalInDays, bool matched, bool superseded, bool departs)
    {
        var arrival = arrivalInDays is { } days ? Today.AddDays(days) : (DateOnly?)null;
        var arrived = arrival is { } a && a <= Today ? a : (DateOnly?)null;
        var matchedOn = Min(Today.AddDays(-faker.Random.Int(5, 20)), (arrival ?? Today.AddDays(120)).AddDays(-faker.Random.Int(40, 70)));
        // Clamped after drawing, so the random sequence (and the data of an open programme) stays the same.
        if (lastMatchDay is { } lastMatch) matchedOn = Min(matchedOn, lastMatch);
        var admitted = matched ? matchedOn.AddDays(-faker.Random.Int(30, 90)) : Today.AddDays(-faker.Random.Int(20, 150));
        DateOnly? visa = arrived is { } came ? came.AddDays(-faker.Random.Int(7, 21))
            : arrival is { } expected && expected <= Today.AddDays(30) ? Min(Today, admitted.AddDays(60)) : null;
        var decided = Min(Today, matchedOn.AddDays(faker.Random.Int(3, 14)));
        DateOnly? redecided = superseded ? Min(Today, decided.AddDays(faker.Random.Int(2, 10))) : null;
        DateOnly? left = departs && arrived is { } inGermany ? Min(Today, inGermany.AddDays(faker.Random.Int(40, 100))) : null;
        return new Dates(
            admitted, visa, arrived, arrival,
            GroupApproved: matchedOn.AddDays(-faker.Random.Int(10, 60)),
            Matched: matchedOn,
            LeaseStart: Months.FirstOf((arrival ?? Today).AddDays(-10)),
            Decided: decided,
            Redecided: redecided,
            Acknowledged: Min(Today, (redecided ?? decided).AddDays(faker.Random.Int(1, 6))),
            Left: left);
    }

    /// <summary>How many days back the earliest arrival may lie so that its group was still submitted on or after <paramref name="earliestSubmission"/>.</summary>
    /// <remarks>A submission lies at most 190 days before the arrival (match 70, approval 60, check and submission 60); 200 leaves a margin.</remarks>
    public int LongestPastArrival(DateOnly earliestSubmission) =>
        Math.Max(0, Today.DayNumber - earliestSubmission.DayNumber - 200);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
