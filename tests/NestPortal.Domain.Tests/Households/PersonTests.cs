using NestPortal.Domain.Common;
using NestPortal.Domain.Households;
using NestPortal.Domain.Tests.Builders;
using static NestPortal.Domain.Tests.Builders.Dates;

namespace NestPortal.Domain.Tests.Households;

public class PersonTests
{
    private static readonly DateOnly Today = HouseholdBuilder.Today;

    private static string[] Refused(RefugeeDetails details)
    {
        var household = new HouseholdBuilder().Build();
        var stamp = household.ConcurrencyStamp;
        var exception = Should.Throw<DomainException>(() => household.AddPerson(details, Today));
        household.Persons.ShouldBeEmpty("a refused person is not added");
        household.ConcurrencyStamp.ShouldBe(stamp);
        return exception.Errors.Select(e => e.Format()).ToArray();
    }

    [Fact]
    public void A_person_is_added_as_written_trimmed_with_country_codes_in_capitals()
    {
        var household = new HouseholdBuilder().Build();

        var person = household.AddPerson(new RefugeeDetails(" Lina ", " Haddad ", Day("1988-07-19"), Sex.Female, "sy", " lb ",
            Day("2024-01-10"), " BAMF-1 ", Day("2024-03-01"), Day("2024-05-02")), Today);

        person.GivenName.ShouldBe("Lina");
        person.FamilyName.ShouldBe("Haddad");
        person.DisplayName.ShouldBe("Lina Haddad");
        person.NationalityCode.ShouldBe("SY");
        person.FirstRefugeCountryCode.ShouldBe("LB");
        person.AdmissionDecisionReference.ShouldBe("BAMF-1");
        person.ArrivedOn.ShouldBe(Day("2024-05-02"));
        person.HasLeft.ShouldBeFalse();
        person.AgeOn(Today).ShouldBe(35);
        household.Persons.ShouldBe([person]);
    }

    [Fact]
    public void A_date_of_birth_in_the_future_is_refused()
    {
        Refused(HouseholdBuilder.Person() with { DateOfBirth = Today.AddDays(1) })
            .ShouldContain("Das Geburtsdatum (15.06.2024) liegt in der Zukunft.");
    }

    [Fact]
    public void A_child_born_today_may_be_recorded()
    {
        var household = new HouseholdBuilder().Build();
        household.AddPerson(HouseholdBuilder.Person("Baby") with { DateOfBirth = Today, AdmissionDecisionDate = Today, VisaDate = null }, Today)
            .AgeOn(Today).ShouldBe(0);
    }

    [Fact]
    public void A_date_of_birth_more_than_120_years_ago_is_refused()
    {
        Refused(HouseholdBuilder.Person() with { DateOfBirth = Day("1904-06-13") })
            .ShouldContain("Das Geburtsdatum (13.06.1904) liegt mehr als 120 Jahre zurück.");
    }

    [Fact]
    public void Names_and_country_codes_are_required()
    {
        Refused(HouseholdBuilder.Person("", " ") with { NationalityCode = "Syrien", FirstRefugeCountryCode = "L1", AdmissionDecisionReference = "" })
            .ShouldBe(
            [
                "Bitte geben Sie Vor- und Familiennamen an.",
                "Bitte wählen Sie eine Staatsangehörigkeit aus der Liste.",
                "Bitte wählen Sie das Erstaufnahmeland aus der Liste.",
                "Bitte geben Sie das Aktenzeichen der Aufnahmezusage an.",
            ]);
    }

    [Fact]
    public void Names_and_references_have_a_maximum_length()
    {
        Refused(HouseholdBuilder.Person(new string('a', 101)) with { AdmissionDecisionReference = new string('1', 51) })
            .ShouldBe(["Namen dürfen höchstens 100 Zeichen lang sein.", "Das Aktenzeichen darf höchstens 50 Zeichen lang sein."]);
    }

    [Fact]
    public void An_admission_decision_in_the_future_or_before_birth_is_refused()
    {
        Refused(HouseholdBuilder.Person() with { AdmissionDecisionDate = Today.AddDays(1), VisaDate = null })
            .ShouldBe(["Die Aufnahmezusage (15.06.2024) liegt in der Zukunft."]);
        Refused(HouseholdBuilder.Person() with { DateOfBirth = Day("2024-01-11"), VisaDate = null })
            .ShouldBe(["Die Aufnahmezusage (10.01.2024) liegt vor dem Geburtsdatum."]);
    }

    [Fact]
    public void A_visa_before_the_admission_decision_is_refused()
    {
        Refused(HouseholdBuilder.Person() with { VisaDate = Day("2024-01-09") })
            .ShouldBe(["Das Visum (09.01.2024) liegt vor der Aufnahmezusage (10.01.2024)."]);
    }

    [Fact]
    public void An_arrival_before_the_admission_decision_is_refused()
    {
        Refused(HouseholdBuilder.Person(arrivedOn: Day("2024-01-09")) with { VisaDate = null })
            .ShouldBe(["Die Einreise (09.01.2024) liegt vor der Aufnahmezusage (10.01.2024)."]);
    }

    [Fact]
    public void An_arrival_before_the_visa_is_refused()
    {
        Refused(HouseholdBuilder.Person(arrivedOn: Day("2024-02-29")))
            .ShouldBe(["Die Einreise (29.02.2024) liegt vor dem Visum (01.03.2024)."]);
    }

    [Fact]
    public void An_arrival_in_the_future_is_refused_and_points_to_the_expected_arrival()
    {
        Refused(HouseholdBuilder.Person(arrivedOn: Today.AddDays(1))).ShouldBe(
        [
            "Die Einreise (15.06.2024) liegt in der Zukunft; tragen Sie sie nach der Ankunft ein. Die erwartete Ankunft steht bei der Familie.",
        ]);
    }

    [Fact]
    public void An_arrival_on_the_days_of_admission_visa_or_today_is_accepted()
    {
        var household = new HouseholdBuilder().Build();
        household.AddPerson(HouseholdBuilder.Person("A", arrivedOn: HouseholdBuilder.Admitted) with { VisaDate = HouseholdBuilder.Admitted }, Today);
        household.AddPerson(HouseholdBuilder.Person("B", arrivedOn: HouseholdBuilder.VisaIssued), Today);
        household.AddPerson(HouseholdBuilder.Person("C", arrivedOn: Today), Today);

        household.Persons.Count.ShouldBe(3);
    }

    [Fact]
    public void Changing_a_person_applies_the_same_rules()
    {
        var household = new HouseholdBuilder().WithPersons(2).Build();
        var lina = HouseholdBuilder.PersonNamed(household, "Lina");
        var stamp = household.ConcurrencyStamp;

        Should.Throw<DomainException>(() => household.ChangePerson(lina.Id, HouseholdBuilder.FamilyMember(1) with { DateOfBirth = Today.AddDays(3) }, Today))
            .Errors.Select(e => e.Format()).ShouldContain("Das Geburtsdatum (17.06.2024) liegt in der Zukunft.");
        lina.DateOfBirth.ShouldBe(Day("1988-07-19"));
        household.ConcurrencyStamp.ShouldBe(stamp);

        household.ChangePerson(lina.Id, HouseholdBuilder.FamilyMember(1) with { FamilyName = "Haddad-Saleh", ArrivedOn = Day("2024-05-02") }, Today);

        lina.FamilyName.ShouldBe("Haddad-Saleh");
        lina.ArrivedOn.ShouldBe(Day("2024-05-02"));
        household.ConcurrencyStamp.ShouldNotBe(stamp);
    }

    [Fact]
    public void A_person_of_another_household_is_not_found()
    {
        var household = new HouseholdBuilder().WithPersons(1).Build();

        Should.Throw<DomainException>(() => household.ChangePerson(999, HouseholdBuilder.Person(), Today))
            .Message.ShouldBe("Diese Person gehört nicht zu dieser Familie.");
        Should.Throw<DomainException>(() => household.RemovePerson(999))
            .Message.ShouldBe("Diese Person gehört nicht zu dieser Familie.");
    }

    [Fact]
    public void A_person_who_left_keeps_an_arrival_before_leaving()
    {
        var household = new HouseholdBuilder().WithPersons(2).ArrivedOn(Day("2024-04-02")).Build();
        var rami = HouseholdBuilder.PersonNamed(household, "Rami");
        household.RecordDeparture(rami.Id, Day("2024-05-31"), DepartureReason.MovedAway, null, Today);

        Should.Throw<DomainException>(() => household.ChangePerson(rami.Id, HouseholdBuilder.FamilyMember(0), Today))
            .Message.ShouldBe("Rami Haddad ist am 31.05.2024 ausgeschieden; die Einreise muss davor liegen.");
        Should.Throw<DomainException>(() => household.ChangePerson(rami.Id, HouseholdBuilder.FamilyMember(0) with { ArrivedOn = Day("2024-06-01") }, Today))
            .Message.ShouldBe("Rami Haddad ist am 31.05.2024 ausgeschieden; die Einreise muss davor liegen.");

        household.ChangePerson(rami.Id, HouseholdBuilder.FamilyMember(0) with { ArrivedOn = Day("2024-05-31") }, Today);
        rami.ArrivedOn.ShouldBe(Day("2024-05-31"));
        rami.LeftOn.ShouldBe(Day("2024-05-31"));
    }

    [Fact]
    public void A_person_recorded_by_mistake_is_removed_before_arrival()
    {
        var household = new HouseholdBuilder().WithPersons(3).Build();
        var yara = HouseholdBuilder.PersonNamed(household, "Yara");

        household.RemovePerson(yara.Id);

        household.Persons.Select(p => p.GivenName).ShouldBe(["Rami", "Lina"]);
    }

    [Fact]
    public void A_person_who_arrived_cannot_be_removed()
    {
        var household = new HouseholdBuilder().WithPersons(2).ArrivedOn(Day("2024-05-02")).Build();

        Should.Throw<DomainException>(() => household.RemovePerson(HouseholdBuilder.PersonNamed(household, "Lina").Id))
            .Message.ShouldBe("Lina Haddad ist bereits eingereist und kann nicht gelöscht werden; erfassen Sie stattdessen ein vorzeitiges Ausscheiden.");
        household.Persons.Count.ShouldBe(2);
    }

    [Fact]
    public void The_last_person_of_a_matched_household_stays()
    {
        var household = new HouseholdBuilder().WithPersons(2).Build();
        new MatchBuilder().Match(household);
        household.RemovePerson(HouseholdBuilder.PersonNamed(household, "Lina").Id);

        Should.Throw<DomainException>(() => household.RemovePerson(HouseholdBuilder.PersonNamed(household, "Rami").Id))
            .Message.ShouldBe("Die Familie ist bereits vermittelt; die letzte Person kann nicht gelöscht werden.");
        household.Persons.Count.ShouldBe(1);
    }

    [Fact]
    public void The_last_person_of_a_household_not_yet_matched_may_go()
    {
        var household = new HouseholdBuilder().WithPersons(1).Build();

        household.RemovePerson(household.Persons.Single().Id);

        household.Persons.ShouldBeEmpty();
        household.PrincipalName.ShouldBeNull();
    }
}
