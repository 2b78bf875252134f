using NestPortal.Domain.Common;
using NestPortal.Domain.Households;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Programme;
using NestPortal.Domain.Sponsorships;
using NestPortal.Domain.Tests.Builders;
using static NestPortal.Domain.Tests.Builders.Dates;

namespace NestPortal.Domain.Tests.Sponsorships;

/// <summary>
/// A group over its life: it may sponsor one family after another; whether a match is one too many is
/// judged on the match date against the sponsorships running that day, not on their status.
/// </summary>
public class SequentialSponsorshipsTests
{
    // The first family: matched 01.02.2024, lease from 01.03.2024 (12 rent months, to 28.02.2025),
    // arrived 10.03.2024 (12 months of support, to 09.03.2025).
    private static readonly DateOnly FirstMatch = Day("2024-02-01");
    private static readonly DateOnly FirstLease = Day("2024-03-01");
    private static readonly DateOnly FirstArrival = Day("2024-03-10");
    private static readonly DateOnly LastDayOfFirst = Day("2025-03-09");

    private static Household Family(string reference, DateOnly? arrivedOn = null)
    {
        var builder = new HouseholdBuilder().WithReference(reference).WithPersons(2);
        if (arrivedOn is { } arrived) builder.ArrivedOn(arrived);
        return builder.Build(Day("2025-06-01"));
    }

    private static (MentoringGroup Group, Sponsorship First, Household Household) FirstSponsorship(ProgrammeRuleSet? rules = null)
    {
        var ruleSet = rules ?? TestRuleSets.Permanent();
        var group = MatchBuilder.ApprovedGroup(ruleSet);
        var household = Family("NesT-2024-0001", FirstArrival);
        var first = new MatchBuilder().Permanent().UnderRules(ruleSet, null).WithGroup(group)
            .MatchedOn(FirstMatch).LeaseStartingOn(FirstLease).Match(household);
        return (group, first, household);
    }

    private static int RunningOn(DateOnly date, Sponsorship sponsorship, Household household) =>
        sponsorship.IsRunningOn(date, household.SupportEndsOn(sponsorship.SupportMonths)) ? 1 : 0;

    [Fact]
    public void A_sponsorship_runs_from_its_match_to_the_later_end_of_rent_and_support()
    {
        var (_, first, household) = FirstSponsorship();

        first.RentEndsOn.ShouldBe(Day("2025-02-28"));
        RunningOn(FirstMatch.AddDays(-1), first, household).ShouldBe(0, "not yet matched");
        RunningOn(FirstMatch, first, household).ShouldBe(1);
        RunningOn(Day("2025-03-01"), first, household).ShouldBe(1, "rent is over, support is not");
        RunningOn(LastDayOfFirst, first, household).ShouldBe(1);
        RunningOn(LastDayOfFirst.AddDays(1), first, household).ShouldBe(0);
    }

    [Fact]
    public void A_sponsorship_whose_family_has_not_arrived_runs_on()
    {
        var group = MatchBuilder.ApprovedGroup(TestRuleSets.Permanent());
        var household = Family("NesT-2024-0002");
        var sponsorship = new MatchBuilder().Permanent().WithGroup(group).MatchedOn(FirstMatch).LeaseStartingOn(FirstLease).Match(household);

        sponsorship.IsRunningOn(Day("2030-01-01"), household.SupportEndsOn(sponsorship.SupportMonths)).ShouldBeTrue("support has not even begun");
    }

    [Fact]
    public void A_group_whose_first_sponsorship_ended_before_the_new_match_date_is_matched_again()
    {
        var (group, first, household) = FirstSponsorship();
        var matchDay = LastDayOfFirst.AddDays(1);

        var second = new MatchBuilder().Permanent().WithGroup(group).MatchedOn(matchDay).LeaseStartingOn(Day("2025-04-01"))
            .GroupAlreadySponsoring(RunningOn(matchDay, first, household)).Match(Family("NesT-2025-0001"));

        second.Status.ShouldBe(SponsorshipStatus.Running);
        first.Status.ShouldBe(SponsorshipStatus.Running, "the rent run has not completed the first yet; its dates decide");
    }

    [Fact]
    public void A_match_while_the_first_still_runs_on_that_date_is_refused_with_the_rule()
    {
        var (group, first, household) = FirstSponsorship();
        var stamp = group.ConcurrencyStamp;

        var exception = Should.Throw<DomainException>(() => new MatchBuilder().Permanent().WithGroup(group).MatchedOn(LastDayOfFirst)
            .LeaseStartingOn(Day("2025-04-01")).GroupAlreadySponsoring(RunningOn(LastDayOfFirst, first, household))
            .Match(Family("NesT-2025-0001")));

        exception.Message.ShouldBe("Die Gruppe „Willkommen in Bochum“ begleitet am 09.03.2025 bereits eine Familie; nach den Regeln „NesT Regelprogramm“ ist eine neue Vermittlung erst nach deren Ende möglich.");
        group.ConcurrencyStamp.ShouldBe(stamp, "a refused match leaves the group as it was");
    }

    [Fact]
    public void Under_rules_allowing_two_the_second_family_is_matched_at_once_and_a_third_is_refused()
    {
        var twoAtOnce = EntityIds.Assign(new ProgrammeRuleSet("ZWEI", "Zwei zugleich", Day("2022-07-01"), null, 4, 2, true, 12, 0, 12,
            "Basisschulung", maxConcurrentSponsorships: 2), TestRuleSets.PermanentId);
        var (group, first, household) = FirstSponsorship(twoAtOnce);
        var matchDay = Day("2024-06-03");

        var second = new MatchBuilder().Permanent().UnderRules(twoAtOnce, null).WithGroup(group).MatchedOn(matchDay)
            .LeaseStartingOn(Day("2024-07-01")).GroupAlreadySponsoring(RunningOn(matchDay, first, household)).Match(Family("NesT-2024-0003"));
        second.MatchedOn.ShouldBe(matchDay);

        Should.Throw<DomainException>(() => new MatchBuilder().Permanent().UnderRules(twoAtOnce, null).WithGroup(group).MatchedOn(matchDay)
                .LeaseStartingOn(Day("2024-07-01")).GroupAlreadySponsoring(2).Match(Family("NesT-2024-0004")))
            .Message.ShouldBe("Die Gruppe „Willkommen in Bochum“ begleitet am 03.06.2024 bereits 2 Familien; nach den Regeln „Zwei zugleich“ darf sie höchstens 2 zugleich begleiten.");
    }

    [Fact]
    public void A_completed_sponsorship_no_longer_runs_from_its_completion()
    {
        var (_, first, household) = FirstSponsorship();
        var supportEnds = household.SupportEndsOn(first.SupportMonths);
        first.RecordDeposit(first.Position.Required, FirstMatch, "Einzahlung", FirstMatch, GroupBuilder.Staff, GroupBuilder.Now);
        var completedOn = Day("2025-03-10");
        first.Settle(completedOn, supportEnds, GroupBuilder.Staff, GroupBuilder.Now).Completed.ShouldBeTrue();

        first.IsRunningOn(completedOn, supportEnds).ShouldBeFalse();
        first.IsRunningOn(completedOn.AddDays(-1), supportEnds).ShouldBeTrue();
    }

    [Fact]
    public void After_the_programme_end_a_match_is_refused_with_the_end_date()
    {
        var exception = Should.Throw<DomainException>(() => new MatchBuilder().Permanent().MatchedOn(Day("2026-01-02"))
            .LeaseStartingOn(Day("2026-02-01")).ProgrammeEndedOn(Day("2025-12-31")).Match(Family("NesT-2026-0001")));

        exception.Message.ShouldBe("Das Programm NesT endete am 31.12.2025; seitdem sind keine neuen Vermittlungen mehr möglich.");
    }

    [Fact]
    public void On_the_programme_s_last_day_a_match_is_still_made()
    {
        new MatchBuilder().Permanent().MatchedOn(Day("2025-12-31")).LeaseStartingOn(Day("2026-02-01"))
            .ProgrammeEndedOn(Day("2025-12-31")).Match(Family("NesT-2025-0009")).MatchedOn.ShouldBe(Day("2025-12-31"));
    }

    [Fact]
    public void The_decision_rules_are_available_apart_from_the_integrity_rules()
    {
        var group = MatchBuilder.ApprovedGroup(TestRuleSets.Permanent());

        Sponsorship.MatchDecisionErrors(group, TestRuleSets.Permanent(), runningSponsorshipsOfGroup: 1, programmeEnd: Day("2025-12-31"), Day("2026-01-02"))
            .Count.ShouldBe(2);
        Sponsorship.MatchDecisionErrors(group, TestRuleSets.Permanent(), runningSponsorshipsOfGroup: 0, programmeEnd: null, Day("2026-01-02"))
            .ShouldBeEmpty();
        Sponsorship.MatchIntegrityErrors(group, new HouseholdBuilder().Build(), TestRuleSets.Permanent(), null).Single().Format()
            .ShouldContain("hat noch keine Personen");
    }

    [Fact]
    public void A_historical_match_reports_decision_rules_as_warnings()
    {
        var household = Family("NesT-2026-0002");

        var historical = new MatchBuilder().Permanent().MatchedOn(Day("2026-01-02")).LeaseStartingOn(Day("2026-02-01"))
            .GroupAlreadySponsoring().ProgrammeEndedOn(Day("2025-12-31")).RecordHistorical(household);

        historical.Sponsorship.MatchedOn.ShouldBe(Day("2026-01-02"));
        household.IsMatched.ShouldBeTrue();
        historical.Warnings.Select(w => w.Format()).ShouldBe([
            "Das Programm NesT endete am 31.12.2025; seitdem sind keine neuen Vermittlungen mehr möglich.",
            "Die Gruppe „Willkommen in Bochum“ begleitet am 02.01.2026 bereits eine Familie; nach den Regeln „NesT Regelprogramm“ ist eine neue Vermittlung erst nach deren Ende möglich.",
        ]);
    }

    [Fact]
    public void A_historical_match_is_still_refused_on_a_broken_integrity_rule()
    {
        var draft = new GroupBuilder().Named("Entwurfsgruppe").ReadyToSubmit().Build();

        Should.Throw<DomainException>(() => new MatchBuilder().WithGroup(draft).GroupAlreadySponsoring().RecordHistorical(Family("NesT-2019-0001")))
            .Errors.Single().Format().ShouldContain("ist nicht freigegeben");
    }
}
