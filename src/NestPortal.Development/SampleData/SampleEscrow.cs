using NestPortal.Domain.Common;
using NestPortal.Domain.Sponsorships;

namespace NestPortal.Development.SampleData;

/// <summary>How a sample group funded its rent account.</summary>
public enum SampleFunding
{
    /// <summary>The rule set's whole rent, paid in a week after the match.</summary>
    Full,

    /// <summary>Two months' rent short: the account shows a shortfall, and the rent run stops where the money does.</summary>
    Short,

    /// <summary>Fully funded, then the rent rose by 40 € from the fourth month and the group paid the difference in.</summary>
    RentRise,
}

/// <summary>Books a sample sponsorship's deposits (and rent change) through the ledger's own commands.</summary>
public static class SampleEscrow
{
    public const decimal RentRise = 40m;

    public static void Fund(Sponsorship sponsorship, SampleFunding funding, DateOnly matched, DateOnly today, Actor staff)
    {
        if (sponsorship.RentMonths == 0) return;
        var paidIn = Min(today, matched.AddDays(7));
        var rent = sponsorship.Apartment.MonthlyNetColdRent;
        var amount = funding == SampleFunding.Short ? sponsorship.Position.Required - 2 * rent : sponsorship.Position.Required;
        sponsorship.RecordDeposit(amount, paidIn, $"Mietkonto {sponsorship.RentMonths} Monate Nettokaltmiete", today, staff, SampleGroups.Noon(paidIn));
        if (funding != SampleFunding.RentRise || sponsorship.RentMonths < 4) return;

        var risesFrom = sponsorship.RentFirstMonth.AddMonths(3);
        sponsorship.ChangeRent(risesFrom, rent + RentRise, staff, SampleGroups.Noon(paidIn));
        var topUpOn = Max(paidIn, Min(today, risesFrom.AddDays(-10)));
        sponsorship.RecordDeposit(sponsorship.Position.Shortfall, topUpOn, "Nachzahlung wegen Mieterhöhung", today, staff, SampleGroups.Noon(topUpOn));
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
