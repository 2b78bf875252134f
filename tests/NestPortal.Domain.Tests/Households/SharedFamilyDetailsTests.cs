using NestPortal.Domain.Households;
using NestPortal.Domain.Tests.Builders;
using static NestPortal.Domain.Tests.Builders.Dates;

namespace NestPortal.Domain.Tests.Households;

public class SharedFamilyDetailsTests
{
    private static readonly DateOnly Today = HouseholdBuilder.Today;

    [Fact]
    public void The_first_person_starts_from_nothing_the_household_records_none_of_the_shared_details()
    {
        new HouseholdBuilder().Build().SharedWithNextPerson().ShouldBeNull();
    }

    [Fact]
    public void The_next_person_starts_from_the_family_details_of_the_person_recorded_last()
    {
        var household = new HouseholdBuilder().WithPersons(1).Build();
        household.AddPerson(HouseholdBuilder.FamilyMember(1) with
        {
            FamilyName = "Haddad-Nasser", NationalityCode = "ps", FirstRefugeCountryCode = "JO",
            AdmissionDecisionDate = Day("2024-02-01"), AdmissionDecisionReference = "BAMF-77",
        }, Today);
        HouseholdBuilder.AssignIds(household);

        var shared = household.SharedWithNextPerson().ShouldNotBeNull();

        shared.ShouldBe(new SharedFamilyDetails("Haddad-Nasser", "PS", "JO", Day("2024-02-01"), "BAMF-77"));
        household.LastRecordedPerson!.GivenName.ShouldBe("Lina");
    }

    [Fact]
    public void A_person_not_yet_saved_counts_after_the_saved_ones()
    {
        var household = new HouseholdBuilder().WithPersons(2).Build();

        household.AddPerson(HouseholdBuilder.Person("Yara", "Haddad-Neu"), Today);

        household.LastRecordedPerson!.GivenName.ShouldBe("Yara");
        household.SharedWithNextPerson()!.FamilyName.ShouldBe("Haddad-Neu");
    }
}
