using NestPortal.Domain.Common;
using NestPortal.Domain.Households;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Privacy;
using NestPortal.Domain.Sponsorships;
using NestPortal.Domain.Tests.Builders;
using NestPortal.Domain.Tests.Sponsorships;
using static NestPortal.Domain.Tests.Builders.Dates;

namespace NestPortal.Domain.Tests.Privacy;

/// <summary>When personal data is due for erasure, and what erasure keeps for the report.</summary>
public class RetentionTests
{
    private static readonly RetentionPeriods Periods = new(RefugeeMonths: 24, MentorMonths: 12);
    private static readonly DateOnly Today = Day("2026-06-17");

    private static DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(utc);

    [Fact]
    public void A_household_is_kept_through_its_period_after_the_completion_and_due_the_day_after()
    {
        var sponsorship = EscrowLedgerTests.Pilot();
        sponsorship.CompleteAsOf(Day("2021-11-15"), Today);
        var household = new HouseholdBuilder().WithPersons(2).Build();

        Periods.HouseholdDueOn(household, [sponsorship]).ShouldBe(Day("2023-11-16"));
    }

    [Fact]
    public void The_last_of_several_sponsorships_counts_and_a_running_one_keeps_everything()
    {
        var first = EscrowLedgerTests.Pilot();
        first.CompleteAsOf(Day("2021-11-15"), Today);
        var second = EscrowLedgerTests.Pilot();
        var household = new HouseholdBuilder().WithPersons(1).Build();

        Periods.HouseholdDueOn(household, [first, second]).ShouldBeNull();

        second.CompleteAsOf(Day("2022-03-31"), Today);
        Periods.HouseholdDueOn(household, [first, second]).ShouldBe(Day("2024-04-01"));
    }

    [Fact]
    public void A_household_without_a_sponsorship_is_kept_while_waiting_and_due_after_everyone_left()
    {
        var household = new HouseholdBuilder().WithPersons(2).ArrivedOn(Day("2024-05-02")).Build();
        Periods.HouseholdDueOn(household, []).ShouldBeNull();

        household.RecordHouseholdDeparture(Day("2024-06-01"), DepartureReason.LeftGermany, null, HouseholdBuilder.Today);

        Periods.HouseholdDueOn(household, []).ShouldBe(Day("2026-06-02"));
    }

    [Fact]
    public void Erasure_removes_names_and_notes_and_keeps_what_the_report_counts()
    {
        var household = new HouseholdBuilder().WithNote("Rollstuhl").WithPersons(2).ArrivedOn(Day("2024-05-02")).Build();
        household.RecordDeparture(household.Persons.First().Id, Day("2024-06-01"), DepartureReason.Other, "Umzug zur Schwester nach Köln", HouseholdBuilder.Today);
        var before = household.Persons.Select(p => (p.Sex, p.NationalityCode, p.FirstRefugeCountryCode, p.ArrivedOn, p.LeftOn, p.DepartureReason, p.AgeAtArrival, p.DateOfBirth.Year)).ToList();

        household.EraseIdentifyingData(Today);

        household.ErasedOn.ShouldBe(Today);
        household.SpecialNeedsNote.ShouldBeNull();
        household.PrincipalName.ShouldBeNull();
        household.Persons.ShouldAllBe(p => p.GivenName == "" && p.FamilyName == "" && p.AdmissionDecisionReference == ""
                                           && p.VisaDate == null && p.DepartureNote == null && p.DateOfBirth.Month == 1 && p.DateOfBirth.Day == 1);
        household.Persons.Select(p => (p.Sex, p.NationalityCode, p.FirstRefugeCountryCode, p.ArrivedOn, p.LeftOn, p.DepartureReason, p.AgeAtArrival, p.DateOfBirth.Year))
            .ShouldBe(before);
        household.Persons.First().DisplayName.ShouldStartWith("Person ");
        Periods.HouseholdDueOn(household, []).ShouldBeNull();
    }

    [Fact]
    public void An_erased_household_refuses_changes_to_its_persons_and_a_second_erasure_changes_nothing()
    {
        var household = new HouseholdBuilder().WithPersons(1).Build();
        household.EraseIdentifyingData(Today);
        var stamp = household.ConcurrencyStamp;

        household.EraseIdentifyingData(Today.AddDays(1));

        household.ErasedOn.ShouldBe(Today);
        household.ConcurrencyStamp.ShouldBe(stamp);
        Should.Throw<DomainException>(() => household.AddPerson(HouseholdBuilder.Person(), Today)).Message.ShouldContain("Aufbewahrungsfrist");
    }

    [Fact]
    public void The_age_at_arrival_counts_a_birthday_on_the_arrival_day()
    {
        var household = new HouseholdBuilder().WithPerson(HouseholdBuilder.Person() with { DateOfBirth = Day("1990-05-02") }).Build();
        var person = household.Persons.Single();
        person.AgeAtArrival.ShouldBeNull();

        household.ChangePerson(person.Id, HouseholdBuilder.Person() with { DateOfBirth = Day("1990-05-02"), ArrivedOn = Day("2024-05-02") }, HouseholdBuilder.Today);
        person.AgeAtArrival.ShouldBe(34);
        household.ChangePerson(person.Id, HouseholdBuilder.Person() with { DateOfBirth = Day("1990-05-03"), ArrivedOn = Day("2024-05-02") }, HouseholdBuilder.Today);
        person.AgeAtArrival.ShouldBe(33);
    }

    [Fact]
    public void A_group_is_due_a_period_after_its_last_completed_sponsorship()
    {
        var group = new GroupBuilder().ReadyToSubmit().Build();
        var sponsorship = EscrowLedgerTests.Pilot();
        Periods.GroupDueOn(group, [sponsorship], DayOf).ShouldBeNull();

        sponsorship.CompleteAsOf(Day("2021-11-15"), Today);

        Periods.GroupDueOn(group, [sponsorship], DayOf).ShouldBe(Day("2022-11-16"));
    }

    [Fact]
    public void A_group_that_never_sponsored_is_due_after_its_last_step_unless_it_is_in_review_or_approved()
    {
        var draft = new GroupBuilder().ReadyToSubmit().Build();
        Periods.GroupDueOn(draft, [], DayOf).ShouldBe(DayOf(draft.LastActivityAtUtc).AddMonths(12).AddDays(1));

        draft.Submit(TestRuleSets.Pilot(), Day("2019-09-02"), GroupBuilder.Actor, GroupBuilder.Now);

        Periods.GroupDueOn(draft, [], DayOf).ShouldBeNull();
    }

    [Fact]
    public void Erasing_a_group_removes_the_members_data_and_member_names_from_its_history()
    {
        var group = new GroupBuilder().ReadyToSubmit().Build();
        var training = group.Members.Select(m => m.TrainingDate).ToList();

        group.EraseMemberData(Today, new HashSet<string> { GroupBuilder.Actor.UserId });

        group.IsMemberDataErased.ShouldBeTrue();
        group.SupportPlan.ShouldBeNull();
        group.Members.ShouldAllBe(m => m.GivenName == null && m.FamilyName == null && m.Email == "" && m.Phone == null && m.DateOfBirth == null);
        group.Members.Select(m => m.TrainingDate).ShouldBe(training);
        group.History.ShouldAllBe(h => h.ActorName != GroupBuilder.Actor.Name);
        group.History.Where(h => h.Action == GroupAction.MemberAdded).ShouldAllBe(h => h.Details == null);
        group.IsAccessibleTo(GroupBuilder.Actor.UserId, GroupBuilder.EmailOf(1)).ShouldBeFalse();
    }

    [Fact]
    public void Only_a_completed_sponsorship_loses_its_street_and_account_holder()
    {
        var sponsorship = EscrowLedgerTests.Pilot();
        sponsorship.SetPayee(LandlordPayee.Create("Erika Vermieterin", LandlordPayeeTests.LandlordIban, "Miete Familie Haddad"), null);
        Should.Throw<DomainException>(() => sponsorship.EraseIdentifyingData());
        sponsorship.Landlord.ShouldNotBeNull();

        sponsorship.CompleteAsOf(Day("2021-11-15"), Today);
        sponsorship.EraseIdentifyingData();

        sponsorship.Apartment.Street.ShouldBe("");
        sponsorship.EscrowAccount.AccountHolder.ShouldBe("");
        sponsorship.ContinuedSupportBy.ShouldBeNull();
        sponsorship.Landlord.ShouldBeNull("the landlord may be a person");
        sponsorship.Apartment.Address.ShouldNotStartWith(",");
        sponsorship.Apartment.MonthlyNetColdRent.ShouldBeGreaterThan(0m);
    }

    [Fact]
    public void A_member_who_deletes_the_account_is_erased_from_the_group_and_its_history_but_not_while_it_sponsors()
    {
        var group = new GroupBuilder().ReadyToSubmit().Build();
        var email = GroupBuilder.EmailOf(1);
        Should.Throw<DomainException>(() => group.EraseMemberOnRequest(email, GroupBuilder.Actor.UserId, groupSponsorsNow: true, Today))
            .Message.ShouldContain("begleitet eine Familie");

        var before = group.Members.Count;
        group.Submit(TestRuleSets.Pilot(), Day("2019-09-02"), GroupBuilder.Actor, GroupBuilder.Now);

        group.EraseMemberOnRequest(email, GroupBuilder.Actor.UserId, groupSponsorsNow: false, Today);

        var erased = group.Members.Single(m => m.IsErased);
        erased.GivenName.ShouldBeNull();
        group.Members.Count.ShouldBe(before, "a submitted group keeps the record, erased");
        group.History.ShouldAllBe(h => h.ActorName != GroupBuilder.Actor.Name && h.Details != GroupBuilder.DisplayNameOf(1));
        group.IsMemberDataErased.ShouldBeFalse("the group itself goes on");
    }

    [Theory]
    [InlineData("2000-02-29", "2018-02-28", 17)]
    [InlineData("2000-02-29", "2018-03-01", 18)]
    [InlineData("2000-02-29", "2020-02-29", 20)]
    [InlineData("1990-05-02", "2024-05-01", 33)]
    public void Whole_years_compare_month_and_day_as_the_report_always_did(string born, string on, int years) =>
        Refugee.WholeYears(Day(born), Day(on)).ShouldBe(years);

    [Fact]
    public void A_member_born_on_29_February_is_of_age_from_1_March_in_other_years()
    {
        var group = new GroupBuilder().WithMember(GroupBuilder.PersonDetails(9) with { DateOfBirth = Day("2000-02-29") }).Build();
        var member = group.Members.Single(m => m.DateOfBirth == Day("2000-02-29"));

        member.IsAdultOn(Day("2018-02-28")).ShouldBeFalse();
        member.IsAdultOn(Day("2018-03-01")).ShouldBeTrue();
    }

    [Fact]
    public void An_erased_household_refuses_new_details_and_a_departure_and_cannot_be_matched()
    {
        var household = new HouseholdBuilder().WithPersons(1).ArrivedOn(Day("2024-05-02")).Build();
        household.EraseIdentifyingData(Today);

        Should.Throw<DomainException>(() => household.ChangeDetails("NesT-neu", null, "neue Notiz", Today));
        Should.Throw<DomainException>(() => household.RecordHouseholdDeparture(Day("2024-06-01"), DepartureReason.OwnWish, null, Today));
        household.SpecialNeedsNote.ShouldBeNull();
    }

    [Fact]
    public void A_group_whose_members_data_is_erased_cannot_be_changed_or_matched()
    {
        var group = new GroupBuilder().ReadyToSubmit().Build();
        group.EraseMemberData(Today, new HashSet<string>());

        Should.Throw<DomainException>(() => group.ChangeDetails("Neuer Name", GroupBuilder.Bochum, "Plan", GroupBuilder.Staff, GroupBuilder.Now));
        Sponsorship.MatchIntegrityErrors(group, new HouseholdBuilder().WithPersons(1).Build(), TestRuleSets.Pilot(), null)
            .Select(e => e.Format()).ShouldContain(m => m.Contains("Aufbewahrungsfrist"));
    }

    [Fact]
    public void A_draft_group_loses_a_member_who_deletes_the_account_and_can_still_be_submitted()
    {
        var group = new GroupBuilder().ReadyToSubmit(members: 6).Build();
        var email = group.Members.First(m => !m.IsMainContact).Email;

        group.EraseMemberOnRequest(email, "someone-else", groupSponsorsNow: false, Today);

        group.Members.Count.ShouldBe(5);
        group.Members.ShouldNotContain(m => m.Email == email);
        group.CheckSubmissionFacts(Day("2019-09-02")).ShouldBeEmpty();
    }
}
