namespace NestPortal.Domain.Sponsorships;

/// <summary>
/// A new monthly net cold rent from an effective month on (Mietänderung). Recorded, never changed:
/// the rent for a month is the latest change effective by then, else the flat's rent at matching.
/// </summary>
public sealed class RentChange
{
    public int Id { get; private set; }
    public int SponsorshipId { get; private set; }

    /// <summary>The first month the new rent is paid for (its first day).</summary>
    public DateOnly EffectiveMonth { get; private set; }

    public decimal MonthlyNetColdRent { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
    public string RecordedByName { get; private set; } = string.Empty;

    private RentChange()
    {
    }

    internal RentChange(DateOnly effectiveMonth, decimal monthlyNetColdRent, Common.Actor actor, DateTime nowUtc)
    {
        EffectiveMonth = effectiveMonth;
        MonthlyNetColdRent = monthlyNetColdRent;
        RecordedAtUtc = nowUtc;
        RecordedByName = actor.Name;
    }
}
