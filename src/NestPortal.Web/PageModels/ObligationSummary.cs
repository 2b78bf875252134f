using NestPortal.Domain.Common;
using NestPortal.Domain.Households;
using NestPortal.Domain.Sponsorships;

namespace NestPortal.Web.PageModels;

/// <summary>
/// The two obligations of a sponsorship with their end dates, as staff (before and after the match)
/// and the group's mentors see them: rent from the lease-start month, support per person from arrival.
/// </summary>
public sealed record ObligationSummary(
    decimal MonthlyRent,
    int RentMonths,
    DateOnly RentFirstMonth,
    DateOnly? LastRentMonth,
    DateOnly? RentEndsOn,
    int SupportMonths,
    DateOnly? SupportEndsOn,
    DateOnly? ExpectedSupportEnd,
    IReadOnlyList<PersonObligation> Persons)
{
    /// <summary>What the escrow account must hold before arrival: the rent for every covered month.</summary>
    public decimal EscrowTarget => MonthlyRent * RentMonths;

    public static ObligationSummary Of(Sponsorship sponsorship, Household household) => new(
        sponsorship.Apartment.MonthlyNetColdRent,
        sponsorship.RentMonths,
        sponsorship.RentFirstMonth,
        sponsorship.LastRentMonth,
        sponsorship.RentEndsOn,
        sponsorship.SupportMonths,
        household.SupportEndsOn(sponsorship.SupportMonths),
        household.FirstArrival is null && household.ExpectedArrival is { } expected
            ? Months.EndOfPeriod(expected, sponsorship.SupportMonths)
            : null,
        household.Persons
            .OrderBy(p => p.DateOfBirth)
            .Select(p => new PersonObligation(p.Id, p.DisplayName, p.DateOfBirth, p.ArrivedOn,
                p.SupportEndsOn(sponsorship.SupportMonths), p.LeftOn, p.DepartureReason))
            .ToList());
}

/// <summary>One person's support period: from arrival, ending early when they left the programme.</summary>
public sealed record PersonObligation(int Id, string Name, DateOnly DateOfBirth, DateOnly? ArrivedOn, DateOnly? SupportEndsOn,
    DateOnly? LeftOn, DepartureReason? DepartureReason);
