using NestPortal.Domain.Common;
using NestPortal.Domain.Households;
using NestPortal.Domain.Tests.Builders;
using static NestPortal.Domain.Tests.Builders.Dates;

namespace NestPortal.Domain.Tests.Sponsorships;

/// <summary>Rent months from the lease-start month, support months from arrival, under both seeded rule sets.</summary>
public class ObligationTests
{
    private static Household PilotFamily(DateOnly? arrivedOn = null) =>
        new HouseholdBuilder()
            .WithPerson(HouseholdBuilder.Person("Rami", arrivedOn: arrivedOn) with { AdmissionDecisionDate = Day("2019-08-01"), VisaDate = Day("2019-10-01") })
            .WithPerson(HouseholdBuilder.Person("Lina", arrivedOn: arrivedOn) with { AdmissionDecisionDate = Day("2019-08-01"), VisaDate = Day("2019-10-01") })
            .Build(Day("2020-01-15"));

    [Fact]
    public void Pilot_rent_runs_24_months_from_the_lease_start_month()
    {
        var sponsorship = new MatchBuilder().LeaseStartingOn(Day("2019-11-01")).Match(PilotFamily());

        sponsorship.RentMonths.ShouldBe(24);
        sponsorship.RentFirstMonth.ShouldBe(Day("2019-11-01"));
        sponsorship.LastRentMonth.ShouldBe(Day("2021-10-01"));
        sponsorship.RentEndsOn.ShouldBe(Day("2021-10-31"));
        sponsorship.SupportMonths.ShouldBe(12);
    }

    [Theory]
    [InlineData("2019-11-15")]
    [InlineData("2019-11-30")]
    public void A_lease_starting_within_a_month_pays_from_that_month(string leaseStart)
    {
        var sponsorship = new MatchBuilder().LeaseStartingOn(Day(leaseStart)).Match(PilotFamily());

        sponsorship.RentFirstMonth.ShouldBe(Day("2019-11-01"));
        sponsorship.RentEndsOn.ShouldBe(Day("2021-10-31"));
        sponsorship.Apartment.LeaseStart.ShouldBe(Day(leaseStart), "the flat keeps the lease's own date");
    }

    [Fact]
    public void Permanent_rent_runs_12_months_from_the_lease_start_month()
    {
        var sponsorship = new MatchBuilder().Permanent().LeaseStartingOn(Day("2022-11-01")).Match(new HouseholdBuilder().WithPersons(2).Build());

        sponsorship.RentMonths.ShouldBe(12);
        sponsorship.LastRentMonth.ShouldBe(Day("2023-10-01"));
        sponsorship.RentEndsOn.ShouldBe(Day("2023-10-31"));
    }

    [Fact]
    public void Rent_over_a_leap_february_ends_on_the_last_day_of_the_month()
    {
        var sponsorship = new MatchBuilder().Permanent().LeaseStartingOn(Day("2023-03-01")).Match(new HouseholdBuilder().WithPersons(1).Build());

        sponsorship.RentEndsOn.ShouldBe(Day("2024-02-29"));
    }

    [Fact]
    public void Support_runs_12_months_from_the_first_arrival()
    {
        var household = PilotFamily(arrivedOn: Day("2019-12-10"));
        var sponsorship = new MatchBuilder().Match(household);

        household.SupportEndsOn(sponsorship.SupportMonths).ShouldBe(Day("2020-12-09"));
        household.Persons.ShouldAllBe(p => p.SupportEndsOn(12) == Day("2020-12-09"));
    }

    [Fact]
    public void There_is_no_support_end_before_arrival()
    {
        var household = PilotFamily();
        var sponsorship = new MatchBuilder().Match(household);

        household.SupportEndsOn(sponsorship.SupportMonths).ShouldBeNull();
        household.Persons.ShouldAllBe(p => p.SupportEndsOn(12) == null);
    }

    [Fact]
    public void A_person_arriving_later_has_their_own_support_end_and_the_household_s_support_lasts_until_theirs()
    {
        var household = PilotFamily(arrivedOn: Day("2019-12-10"));
        household.AddPerson(HouseholdBuilder.Person("Yara", arrivedOn: Day("2020-01-14")) with
            { DateOfBirth = Day("2014-01-05"), AdmissionDecisionDate = Day("2019-08-01"), VisaDate = Day("2019-10-01") }, Day("2020-01-15"));
        var sponsorship = new MatchBuilder().Match(household);

        HouseholdBuilder.PersonNamed(household, "Yara").SupportEndsOn(12).ShouldBe(Day("2021-01-13"));
        household.SupportEndsOn(sponsorship.SupportMonths).ShouldBe(Day("2021-01-13"));
    }

    [Theory]
    [InlineData("2020-01-31", 1, "2020-02-29")] // no 31 February: the period ends with the month (§ 188 Abs. 3 BGB)
    [InlineData("2020-02-29", 12, "2021-02-28")] // no 29 February 2021
    [InlineData("2020-03-31", 1, "2020-04-30")]
    [InlineData("2020-01-30", 1, "2020-02-29")]
    [InlineData("2019-12-10", 12, "2020-12-09")]
    [InlineData("2020-01-01", 12, "2020-12-31")]
    public void A_support_period_ends_as_the_civil_code_counts_months(string arrived, int months, string ends)
    {
        var household = new HouseholdBuilder().WithPerson(HouseholdBuilder.Person(arrivedOn: Day(arrived)) with
            { AdmissionDecisionDate = Day("2019-08-01"), VisaDate = null }).Build(Day("2021-01-01"));

        household.Persons.Single().SupportEndsOn(months).ShouldBe(Day(ends));
    }

    [Fact]
    public void A_departed_persons_support_ends_on_departure_and_the_rent_is_unchanged()
    {
        var household = PilotFamily(arrivedOn: Day("2019-12-10"));
        HouseholdBuilder.AssignIds(household);
        var sponsorship = new MatchBuilder().Match(household);
        var rentEnds = sponsorship.RentEndsOn;

        var rami = HouseholdBuilder.PersonNamed(household, "Rami");
        household.RecordDeparture(rami.Id, Day("2020-05-31"), DepartureReason.MovedAway, null, Day("2020-06-02"));

        rami.SupportEndsOn(sponsorship.SupportMonths).ShouldBe(Day("2020-05-31"));
        HouseholdBuilder.PersonNamed(household, "Lina").SupportEndsOn(sponsorship.SupportMonths).ShouldBe(Day("2020-12-09"));
        sponsorship.RentEndsOn.ShouldBe(rentEnds);
        sponsorship.RentEndsOn.ShouldBe(Day("2021-10-31"));
    }

    [Fact]
    public void A_departure_after_the_support_ended_does_not_extend_it()
    {
        var household = PilotFamily(arrivedOn: Day("2019-12-10"));
        var lina = HouseholdBuilder.PersonNamed(household, "Lina");
        household.RecordDeparture(lina.Id, Day("2021-03-01"), DepartureReason.MovedAway, null, Day("2021-03-02"));

        lina.SupportEndsOn(12).ShouldBe(Day("2020-12-09"));
    }

    [Fact]
    public void Switching_to_the_permanent_rules_shortens_the_rent_to_12_months()
    {
        var sponsorship = new MatchBuilder().LeaseStartingOn(Day("2021-09-01")).Match(PilotFamily());
        sponsorship.RentEndsOn.ShouldBe(Day("2023-08-31"));
        var stamp = sponsorship.ConcurrencyStamp;

        sponsorship.SwitchRuleSet(TestRuleSets.Permanent(), "  Umstellung laufender Mentorings zum 1. Juli 2022. ");

        sponsorship.RuleSetId.ShouldBe(TestRuleSets.PermanentId);
        sponsorship.RuleSetReason.ShouldBe("Umstellung laufender Mentorings zum 1. Juli 2022.");
        sponsorship.RentMonths.ShouldBe(12);
        sponsorship.RentFirstMonth.ShouldBe(Day("2021-09-01"));
        sponsorship.LastRentMonth.ShouldBe(Day("2022-08-01"));
        sponsorship.RentEndsOn.ShouldBe(Day("2022-08-31"));
        sponsorship.SupportMonths.ShouldBe(12);
        sponsorship.ConcurrencyStamp.ShouldNotBe(stamp);
    }

    [Fact]
    public void Switching_back_to_the_pilot_restores_24_rent_months()
    {
        var sponsorship = new MatchBuilder().Match(PilotFamily());
        sponsorship.SwitchRuleSet(TestRuleSets.Permanent(), "Umstellung");

        sponsorship.SwitchRuleSet(TestRuleSets.Pilot(), "Umstellung irrtümlich, zurückgenommen");

        sponsorship.RentMonths.ShouldBe(24);
        sponsorship.RentEndsOn.ShouldBe(Day("2021-10-31"));
    }

    [Fact]
    public void Switching_an_owned_flat_to_the_permanent_rules_ends_its_rent()
    {
        var sponsorship = new MatchBuilder().OwnedFlat().Match(PilotFamily());

        sponsorship.SwitchRuleSet(TestRuleSets.Permanent(), "Umstellung");

        sponsorship.RentMonths.ShouldBe(0);
        sponsorship.RentEndsOn.ShouldBeNull();
        sponsorship.LastRentMonth.ShouldBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_switch_needs_a_reason(string? reason)
    {
        var sponsorship = new MatchBuilder().Match(PilotFamily());

        Should.Throw<DomainException>(() => sponsorship.SwitchRuleSet(TestRuleSets.Permanent(), reason!))
            .Message.ShouldBe("Bitte begründen Sie den Wechsel der Programmregeln.");
        sponsorship.RuleSetId.ShouldBe(TestRuleSets.PilotId);
        sponsorship.RentMonths.ShouldBe(24);
    }

    [Fact]
    public void A_switch_reason_has_a_maximum_length()
    {
        var sponsorship = new MatchBuilder().Match(PilotFamily());

        Should.Throw<DomainException>(() => sponsorship.SwitchRuleSet(TestRuleSets.Permanent(), new string('x', 2001)))
            .Message.ShouldBe("Die Begründung darf höchstens 2000 Zeichen lang sein.");
    }

    [Fact]
    public void A_switch_to_the_rules_already_followed_is_refused()
    {
        var sponsorship = new MatchBuilder().Match(PilotFamily());

        Should.Throw<DomainException>(() => sponsorship.SwitchRuleSet(TestRuleSets.Pilot(), "nochmal"))
            .Message.ShouldBe("Die Mentoring-Übernahme folgt bereits den Regeln „NesT Pilotphase“.");
    }
}
