using NestPortal.Domain.Households;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Tests.Builders;
using static NestPortal.Domain.Tests.Builders.Dates;

namespace NestPortal.Domain.Tests.Households;

public class StatusTests
{
    private static readonly DateOnly Today = HouseholdBuilder.Today;
    private static readonly Ags Dortmund = Ags.Parse("05913000");
    private static readonly Ags Hagen = Ags.Parse("05914000");

    private static AllocationDecision Decision(Ags municipality, string fileReference = "Az. 36.1-0001") =>
        new(municipality, Day("2024-06-03"), fileReference, AllocationDecision.DefaultLegalBasis, Day("2024-06-15"));

    [Fact]
    public void A_household_goes_from_recorded_through_match_allocation_and_arrival_to_left()
    {
        var household = new HouseholdBuilder().WithPersons(2).Build();
        household.Status.ShouldBe(HouseholdStatus.Recorded);

        new MatchBuilder().Match(household);
        household.Status.ShouldBe(HouseholdStatus.Matched);
        household.IsMatched.ShouldBeTrue();

        household.Allocate(Decision(Dortmund), supersedeCurrent: false, Today, GroupBuilder.Staff, HouseholdBuilder.Now);
        household.Status.ShouldBe(HouseholdStatus.Allocated);

        var lina = HouseholdBuilder.PersonNamed(household, "Lina");
        household.ChangePerson(lina.Id, HouseholdBuilder.FamilyMember(1) with { ArrivedOn = Day("2024-06-12") }, Today);
        household.Status.ShouldBe(HouseholdStatus.Arrived, "one person arrived is enough");

        var rami = HouseholdBuilder.PersonNamed(household, "Rami");
        household.ChangePerson(rami.Id, HouseholdBuilder.FamilyMember(0) with { ArrivedOn = Day("2024-06-13") }, Today);
        household.RecordHouseholdDeparture(Today, DepartureReason.MovedAway, null, Today);
        household.Status.ShouldBe(HouseholdStatus.Left);
    }

    [Fact]
    public void An_arrival_counts_even_before_the_allocation()
    {
        var household = new HouseholdBuilder().WithPersons(1).ArrivedOn(Day("2024-06-01")).Build();
        household.Status.ShouldBe(HouseholdStatus.Arrived);

        new MatchBuilder().Match(household);
        household.Allocate(Decision(Dortmund), false, Today, GroupBuilder.Staff, HouseholdBuilder.Now);

        household.Status.ShouldBe(HouseholdStatus.Arrived);
        household.AllocatedMunicipalityAgs.ShouldBe(Dortmund);
    }

    [Fact]
    public void A_household_whose_persons_are_all_removed_is_recorded_again()
    {
        var household = new HouseholdBuilder().WithPersons(1).Build();
        household.RemovePerson(household.Persons.Single().Id);
        household.Status.ShouldBe(HouseholdStatus.Recorded, "nobody left: the household is empty, not gone");
    }

    [Fact]
    public void The_first_arrival_is_the_earliest_arrival_of_any_person()
    {
        var household = new HouseholdBuilder().WithPersons(3).Build();
        household.FirstArrival.ShouldBeNull();

        household.ChangePerson(HouseholdBuilder.PersonNamed(household, "Yara").Id, HouseholdBuilder.FamilyMember(2) with { ArrivedOn = Day("2024-05-20") }, Today);
        household.FirstArrival.ShouldBe(Day("2024-05-20"));

        household.ChangePerson(HouseholdBuilder.PersonNamed(household, "Rami").Id, HouseholdBuilder.FamilyMember(0) with { ArrivedOn = Day("2024-04-02") }, Today);
        household.FirstArrival.ShouldBe(Day("2024-04-02"));

        household.ChangePerson(HouseholdBuilder.PersonNamed(household, "Rami").Id, HouseholdBuilder.FamilyMember(0), Today);
        household.FirstArrival.ShouldBe(Day("2024-05-20"), "a corrected arrival moves it back");
    }

    [Fact]
    public void The_principal_name_is_the_family_name_of_the_eldest_person()
    {
        var household = new HouseholdBuilder()
            .WithPerson(HouseholdBuilder.Person("Amal", "Saleh") with { DateOfBirth = Day("1990-01-01") })
            .WithPerson(HouseholdBuilder.Person("Rami", "Haddad") with { DateOfBirth = Day("1985-03-02") })
            .Build();
        household.PrincipalName.ShouldBe("Haddad");

        household.RemovePerson(HouseholdBuilder.PersonNamed(household, "Rami").Id);
        household.PrincipalName.ShouldBe("Saleh");
    }

    [Fact]
    public void Persons_born_the_same_day_are_ordered_by_family_name()
    {
        var born = Day("1980-05-05");
        var household = new HouseholdBuilder()
            .WithPerson(HouseholdBuilder.Person("Zaid", "Zubair") with { DateOfBirth = born })
            .WithPerson(HouseholdBuilder.Person("Aziz", "Ahmadi") with { DateOfBirth = born })
            .Build();

        household.PrincipalName.ShouldBe("Ahmadi");
    }

    [Fact]
    public void The_allocated_municipality_follows_the_current_decision()
    {
        var household = new HouseholdBuilder().WithPersons(2).Build();
        new MatchBuilder().Match(household);
        household.AllocatedMunicipalityAgs.ShouldBeNull();

        household.Allocate(Decision(Dortmund), false, Today, GroupBuilder.Staff, HouseholdBuilder.Now);
        household.AllocatedMunicipalityAgs.ShouldBe(Dortmund);

        household.Allocate(Decision(Hagen, "Az. 36.1-0002"), true, Today, GroupBuilder.Staff, HouseholdBuilder.Now);
        household.AllocatedMunicipalityAgs.ShouldBe(Hagen);
        household.CurrentAllocation!.FileReference.ShouldBe("Az. 36.1-0002");
    }

    [Fact]
    public void Every_command_moves_the_concurrency_stamp()
    {
        var household = new HouseholdBuilder().Build();
        var stamps = new List<Guid> { household.ConcurrencyStamp };

        household.AddPerson(HouseholdBuilder.FamilyMember(0), Today);
        HouseholdBuilder.AssignIds(household);
        stamps.Add(household.ConcurrencyStamp);
        new MatchBuilder().Match(household);
        stamps.Add(household.ConcurrencyStamp);
        household.Allocate(Decision(Dortmund), false, Today, GroupBuilder.Staff, HouseholdBuilder.Now);
        stamps.Add(household.ConcurrencyStamp);
        household.ChangePerson(household.Persons.Single().Id, HouseholdBuilder.FamilyMember(0) with { ArrivedOn = Today }, Today);
        stamps.Add(household.ConcurrencyStamp);

        stamps.Distinct().Count().ShouldBe(stamps.Count);
    }
}
