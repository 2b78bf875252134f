using NestPortal.Domain.Common;
using NestPortal.Domain.Households;
using NestPortal.Domain.Tests.Builders;
using static NestPortal.Domain.Tests.Builders.Dates;

namespace NestPortal.Domain.Tests.Households;

/// <summary>Departures of persons not saved yet (no ids): the import builds a household and its departures in memory.</summary>
public class UnsavedDepartureTests
{
    private static Household ArrivedFamily() => new HouseholdBuilder().WithPersons(2).ArrivedOn(Day("2024-04-02")).Build();

    [Fact]
    public void A_person_without_an_id_leaves_by_reference()
    {
        var household = ArrivedFamily();
        var person = household.Persons.First();

        household.RecordDeparture(person, Day("2024-06-01"), DepartureReason.MovedAway, null, HouseholdBuilder.Today);

        person.LeftOn.ShouldBe(Day("2024-06-01"));
        household.Persons.Count(p => p.HasLeft).ShouldBe(1);
    }

    [Fact]
    public void A_person_of_another_household_is_refused()
    {
        var household = ArrivedFamily();
        var stranger = ArrivedFamily().Persons.First();

        Should.Throw<DomainException>(() => household.RecordDeparture(stranger, Day("2024-06-01"), DepartureReason.MovedAway, null, HouseholdBuilder.Today))
            .Errors.Single().Format().ShouldBe("Diese Person gehört nicht zu dieser Familie.");
    }
}
