using NestPortal.Domain.Common;
using NestPortal.Domain.Households;
using NestPortal.Domain.Tests.Builders;
using static NestPortal.Domain.Tests.Builders.Dates;

namespace NestPortal.Domain.Tests.Households;

public class DepartureTests
{
    private static readonly DateOnly Today = HouseholdBuilder.Today;
    private static readonly DateOnly Arrived = Day("2024-04-02");

    private static Household ArrivedFamily(int persons = 3) =>
        new HouseholdBuilder().WithPersons(persons).ArrivedOn(Arrived).Build();

    private static Refugee Named(Household household, string given) => HouseholdBuilder.PersonNamed(household, given);

    [Fact]
    public void A_person_leaving_ends_their_support_on_that_day_and_the_household_stays_arrived()
    {
        var household = ArrivedFamily();
        var rami = Named(household, "Rami");
        var stamp = household.ConcurrencyStamp;

        household.RecordDeparture(rami.Id, Day("2024-06-01"), DepartureReason.MovedAway, "  Umzug zu Verwandten nach Hamburg. ", Today);

        rami.LeftOn.ShouldBe(Day("2024-06-01"));
        rami.DepartureReason.ShouldBe(DepartureReason.MovedAway);
        rami.DepartureNote.ShouldBe("Umzug zu Verwandten nach Hamburg.");
        rami.HasLeft.ShouldBeTrue();
        rami.SupportEndsOn(12).ShouldBe(Day("2024-06-01"));
        rami.IsInProgrammeOn(Day("2024-05-31")).ShouldBeTrue();
        rami.IsInProgrammeOn(Day("2024-06-01")).ShouldBeFalse();
        Named(household, "Lina").SupportEndsOn(12).ShouldBe(Day("2025-04-01"));
        household.Status.ShouldBe(HouseholdStatus.Arrived);
        household.ConcurrencyStamp.ShouldNotBe(stamp);
    }

    [Fact]
    public void A_whole_household_leaving_skips_a_member_who_never_arrived_and_its_support_ends_that_day()
    {
        var household = new HouseholdBuilder().WithPerson(HouseholdBuilder.Person("Rami", arrivedOn: Arrived))
            .WithPerson(HouseholdBuilder.Person("Lina", arrivedOn: Arrived)).WithPerson(HouseholdBuilder.Person("Yara")).Build();
        HouseholdBuilder.AssignIds(household);

        household.RecordHouseholdDeparture(Day("2024-06-01"), DepartureReason.MovedAway, null, Today);

        Named(household, "Rami").LeftOn.ShouldBe(Day("2024-06-01"));
        Named(household, "Lina").LeftOn.ShouldBe(Day("2024-06-01"));
        Named(household, "Yara").HasLeft.ShouldBeFalse();
        household.Status.ShouldBe(HouseholdStatus.Left);
        household.SupportEndsOn(12).ShouldBe(Day("2024-06-01"));
    }

    [Fact]
    public void A_household_nobody_of_which_has_arrived_cannot_leave()
    {
        var household = new HouseholdBuilder().WithPersons(2).Build();

        Should.Throw<DomainException>(() => household.RecordHouseholdDeparture(Today, DepartureReason.OwnWish, null, Today))
            .Errors.ShouldHaveSingleItem().Template.ShouldStartWith("Noch niemand aus der Familie ist eingereist");
    }

    [Fact]
    public void A_blank_note_is_kept_as_none()
    {
        var household = ArrivedFamily(1);
        var rami = Named(household, "Rami");

        household.RecordDeparture(rami.Id, Today, DepartureReason.OwnWish, "   ", Today);

        rami.DepartureNote.ShouldBeNull();
        household.Status.ShouldBe(HouseholdStatus.Left);
    }

    [Fact]
    public void When_the_last_person_leaves_the_household_has_left()
    {
        var household = ArrivedFamily(2);

        household.RecordDeparture(Named(household, "Rami").Id, Day("2024-05-01"), DepartureReason.Conflict, null, Today);
        household.Status.ShouldBe(HouseholdStatus.Arrived);
        household.RecordDeparture(Named(household, "Lina").Id, Day("2024-06-10"), DepartureReason.LeftGermany, null, Today);

        household.Status.ShouldBe(HouseholdStatus.Left);
    }

    [Fact]
    public void A_departure_on_the_day_of_arrival_is_possible()
    {
        var household = ArrivedFamily(1);
        household.RecordDeparture(household.Persons.Single().Id, Arrived, DepartureReason.Deceased, null, Today);
        household.Persons.Single().SupportEndsOn(12).ShouldBe(Arrived);
    }

    [Fact]
    public void A_person_leaves_only_once()
    {
        var household = ArrivedFamily();
        var rami = Named(household, "Rami");
        household.RecordDeparture(rami.Id, Day("2024-05-01"), DepartureReason.MovedAway, null, Today);

        Should.Throw<DomainException>(() => household.RecordDeparture(rami.Id, Day("2024-06-01"), DepartureReason.MovedAway, null, Today))
            .Message.ShouldBe("Rami Haddad ist bereits am 01.05.2024 ausgeschieden.");
        rami.LeftOn.ShouldBe(Day("2024-05-01"));
    }

    [Fact]
    public void Nobody_leaves_before_arriving()
    {
        var household = new HouseholdBuilder().WithPersons(1).Build();

        Should.Throw<DomainException>(() => household.RecordDeparture(household.Persons.Single().Id, Today, DepartureReason.OwnWish, null, Today))
            .Message.ShouldBe("Rami Haddad ist noch nicht eingereist; vor der Einreise kann niemand ausscheiden.");
        household.Persons.Single().HasLeft.ShouldBeFalse();
    }

    [Fact]
    public void A_departure_before_the_arrival_is_refused()
    {
        var household = ArrivedFamily(1);

        Should.Throw<DomainException>(() => household.RecordDeparture(household.Persons.Single().Id, Day("2024-04-01"), DepartureReason.OwnWish, null, Today))
            .Message.ShouldBe("Das Ausscheiden (01.04.2024) liegt vor der Einreise von Rami Haddad (02.04.2024).");
    }

    [Fact]
    public void A_departure_in_the_future_is_refused()
    {
        var household = ArrivedFamily(1);

        Should.Throw<DomainException>(() => household.RecordDeparture(household.Persons.Single().Id, Today.AddDays(1), DepartureReason.OwnWish, null, Today))
            .Message.ShouldBe("Das Datum des Ausscheidens (15.06.2024) liegt in der Zukunft.");
    }

    [Fact]
    public void The_reason_comes_from_the_list_and_other_needs_a_text()
    {
        var household = ArrivedFamily(1);
        var id = household.Persons.Single().Id;

        Should.Throw<DomainException>(() => household.RecordDeparture(id, Today, (DepartureReason)99, null, Today))
            .Message.ShouldBe("Bitte wählen Sie einen Grund aus der Liste.");
        Should.Throw<DomainException>(() => household.RecordDeparture(id, Today, DepartureReason.Other, " ", Today))
            .Message.ShouldBe("Bitte beschreiben Sie den Grund „Sonstiges“ im Freitext.");
        Should.Throw<DomainException>(() => household.RecordDeparture(id, Today, DepartureReason.OwnWish, new string('x', 2001), Today))
            .Message.ShouldBe("Der Freitext darf höchstens 2000 Zeichen lang sein.");

        household.Persons.Single().HasLeft.ShouldBeFalse();
        household.RecordDeparture(id, Today, DepartureReason.Other, "Studium in Frankreich", Today);
        household.Persons.Single().DepartureNote.ShouldBe("Studium in Frankreich");
    }

    [Fact]
    public void The_whole_household_leaves_on_one_day_and_earlier_departures_keep_their_date()
    {
        var household = ArrivedFamily(3);
        household.RecordDeparture(Named(household, "Rami").Id, Day("2024-05-01"), DepartureReason.MovedAway, null, Today);

        household.RecordHouseholdDeparture(Day("2024-06-10"), DepartureReason.LeftGermany, "Weiterreise zu Angehörigen in Schweden", Today);

        household.Persons.Select(p => (p.GivenName, p.LeftOn, p.DepartureReason)).ShouldBe(
        [
            ("Rami", Day("2024-05-01"), DepartureReason.MovedAway),
            ("Lina", Day("2024-06-10"), DepartureReason.LeftGermany),
            ("Yara", Day("2024-06-10"), DepartureReason.LeftGermany),
        ]);
        household.Persons.Skip(1).ShouldAllBe(p => p.DepartureNote == "Weiterreise zu Angehörigen in Schweden");
        household.Status.ShouldBe(HouseholdStatus.Left);
    }

    [Fact]
    public void A_household_that_has_left_cannot_leave_again()
    {
        var household = ArrivedFamily(2);
        household.RecordHouseholdDeparture(Today, DepartureReason.OwnWish, null, Today);

        Should.Throw<DomainException>(() => household.RecordHouseholdDeparture(Today, DepartureReason.OwnWish, null, Today))
            .Message.ShouldBe("Alle eingereisten Personen der Familie sind bereits ausgeschieden.");
    }

    [Fact]
    public void A_rule_broken_for_every_person_is_named_once()
    {
        var household = ArrivedFamily(3);

        var exception = Should.Throw<DomainException>(() =>
            household.RecordHouseholdDeparture(Today.AddDays(1), DepartureReason.Other, null, Today));

        exception.Errors.Select(e => e.Format()).ShouldBe(
        [
            "Das Datum des Ausscheidens (15.06.2024) liegt in der Zukunft.",
            "Bitte beschreiben Sie den Grund „Sonstiges“ im Freitext.",
        ]);
        household.Persons.ShouldAllBe(p => !p.HasLeft);
    }

    [Fact]
    public void A_household_departure_before_an_arrival_names_each_person()
    {
        var household = new HouseholdBuilder().WithPersons(2).ArrivedOn(Arrived).Build();

        var exception = Should.Throw<DomainException>(() => household.RecordHouseholdDeparture(Day("2024-04-01"), DepartureReason.OwnWish, null, Today));

        exception.Errors.Select(e => e.Format()).ShouldBe(
        [
            "Das Ausscheiden (01.04.2024) liegt vor der Einreise von Rami Haddad (02.04.2024).",
            "Das Ausscheiden (01.04.2024) liegt vor der Einreise von Lina Haddad (02.04.2024).",
        ]);
    }
}
