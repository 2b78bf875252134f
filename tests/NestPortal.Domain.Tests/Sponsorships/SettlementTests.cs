using NestPortal.Domain.Common;
using NestPortal.Domain.Households;
using NestPortal.Domain.Sponsorships;
using NestPortal.Domain.Tests.Builders;
using static NestPortal.Domain.Tests.Builders.Dates;

namespace NestPortal.Domain.Tests.Sponsorships;

/// <summary>The rent run's part: pay what is due once, catch up, refund at the end, complete when both periods are over.</summary>
public class SettlementTests
{
    private static readonly DateTime Now = new(2020, 1, 1, 3, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Run = new("system", "Mietlauf");
    private static readonly DateOnly ArrivalSupportEnds = Day("2020-12-14");

    private static Sponsorship FundedPilot(decimal deposit = 15_600m)
    {
        var sponsorship = EscrowLedgerTests.Pilot();
        sponsorship.RecordDeposit(deposit, Day("2019-10-20"), "Einzahlung", Day("2019-10-20"), Run, Now);
        return sponsorship;
    }

    [Fact]
    public void Each_due_month_is_paid_once_however_often_it_runs()
    {
        var sponsorship = FundedPilot();

        sponsorship.Settle(Day("2019-11-01"), null, Run, Now).Payments.Count.ShouldBe(1);
        sponsorship.Settle(Day("2019-11-01"), null, Run, Now).ChangedAnything.ShouldBeFalse();
        sponsorship.Settle(Day("2019-11-20"), null, Run, Now).Payments.ShouldBeEmpty();
        sponsorship.Position.MonthsPaid.ShouldBe(1);
    }

    [Fact]
    public void After_three_months_of_downtime_exactly_the_three_missed_months_are_paid()
    {
        var sponsorship = FundedPilot();
        sponsorship.Settle(Day("2019-11-02"), null, Run, Now);

        var result = sponsorship.Settle(Day("2020-02-03"), null, Run, Now);

        result.Payments.Select(p => p.RentMonth).ShouldBe([Day("2019-12-01"), Day("2020-01-01"), Day("2020-02-01")]);
    }

    [Fact]
    public void The_pilot_pays_24_months_up_to_October_2021_then_refunds_the_rest_and_completes()
    {
        var sponsorship = FundedPilot(16_000m);
        for (var day = Day("2019-11-01"); day <= Day("2021-10-01"); day = day.AddMonths(1))
            sponsorship.Settle(day, ArrivalSupportEnds, Run, Now);

        var payments = sponsorship.Entries.Where(e => e.Kind == EscrowEntryKind.RentPayment).ToList();
        payments.Count.ShouldBe(24);
        payments[^1].RentMonth.ShouldBe(Day("2021-10-01"));
        sponsorship.Status.ShouldBe(SponsorshipStatus.Running);

        var end = sponsorship.Settle(Day("2021-11-01"), ArrivalSupportEnds, Run, Now);

        end.Payments.ShouldBeEmpty();
        end.Refund!.Amount.ShouldBe(-400m);
        end.Completed.ShouldBeTrue();
        sponsorship.Balance.ShouldBe(0m);
        sponsorship.Status.ShouldBe(SponsorshipStatus.Completed);
        sponsorship.RentPeriodCompletedOn.ShouldBe(Day("2021-11-01"));
    }

    [Fact]
    public void The_permanent_programme_pays_twelve_months()
    {
        var household = new HouseholdBuilder()
            .WithPerson(HouseholdBuilder.Person("Rami") with { AdmissionDecisionDate = Day("2022-08-01"), VisaDate = Day("2022-09-01") })
            .Build(Day("2022-10-01"));
        var sponsorship = new MatchBuilder().Permanent().Match(household);
        sponsorship.RecordDeposit(7_800m, Day("2022-10-20"), "Einzahlung", Day("2022-10-20"), Run, Now);

        sponsorship.Settle(Day("2024-01-15"), Day("2023-11-30"), Run, Now);

        sponsorship.Entries.Count(e => e.Kind == EscrowEntryKind.RentPayment).ShouldBe(12);
        sponsorship.Entries.Where(e => e.Kind == EscrowEntryKind.RentPayment).Max(e => e.RentMonth).ShouldBe(Day("2023-10-01"));
        sponsorship.Status.ShouldBe(SponsorshipStatus.Completed);
    }

    [Fact]
    public void An_underfunded_account_pays_what_it_can_and_names_the_month_it_cannot()
    {
        var sponsorship = FundedPilot(1_000m);

        var result = sponsorship.Settle(Day("2020-01-05"), null, Run, Now);

        result.Payments.Count.ShouldBe(1);
        result.Problem!.Format().ShouldBe("Das Guthaben von 350,00 € reicht für die Miete für 12.2019 (650,00 €) nicht aus.");
        sponsorship.Balance.ShouldBe(350m);
    }

    [Fact]
    public void Rent_complete_but_support_running_keeps_the_sponsorship_running_until_support_ends()
    {
        var sponsorship = FundedPilot();

        sponsorship.Settle(Day("2021-11-01"), Day("2022-03-31"), Run, Now);
        sponsorship.RentPeriodCompletedOn.ShouldNotBeNull();
        sponsorship.Status.ShouldBe(SponsorshipStatus.Running);

        sponsorship.Settle(Day("2022-04-01"), Day("2022-03-31"), Run, Now).Completed.ShouldBeTrue();
        sponsorship.CompletedOn.ShouldBe(Day("2022-04-01"));
    }

    [Fact]
    public void A_flat_the_group_owns_has_no_rent_period_to_wait_for()
    {
        var household = new HouseholdBuilder()
            .WithPerson(HouseholdBuilder.Person("Rami") with { AdmissionDecisionDate = Day("2022-08-01"), VisaDate = Day("2022-09-01") })
            .Build(Day("2022-10-01"));
        var sponsorship = new MatchBuilder().Permanent().OwnedFlat().Match(household);

        var result = sponsorship.Settle(Day("2023-12-01"), Day("2023-11-30"), Run, Now);

        result.Payments.ShouldBeEmpty();
        result.Refund.ShouldBeNull();
        result.Completed.ShouldBeTrue();
    }

    [Fact]
    public void The_rent_end_notice_is_due_ninety_days_ahead_and_only_once()
    {
        var sponsorship = FundedPilot();

        sponsorship.NeedsRentEndNotice(Day("2021-08-01"), 90).ShouldBeFalse();
        sponsorship.NeedsRentEndNotice(Day("2021-08-02"), 90).ShouldBeTrue();
        sponsorship.MarkRentEndNoticeSent(Day("2021-08-02"));
        sponsorship.NeedsRentEndNotice(Day("2021-08-03"), 90).ShouldBeFalse();
    }

    [Fact]
    public void Who_continues_the_support_is_required_text()
    {
        var sponsorship = FundedPilot();

        Should.Throw<DomainException>(() => sponsorship.RecordContinuedSupport(" "));
        sponsorship.RecordContinuedSupport("Caritas Dortmund, Frau Beispiel");
        sponsorship.ContinuedSupportBy.ShouldBe("Caritas Dortmund, Frau Beispiel");
    }

    [Fact]
    public void A_switch_to_a_longer_period_reopens_a_completed_rent_period_and_the_notice()
    {
        var household = new HouseholdBuilder()
            .WithPerson(HouseholdBuilder.Person("Rami") with { AdmissionDecisionDate = Day("2022-08-01"), VisaDate = Day("2022-09-01") })
            .Build(Day("2022-10-01"));
        var sponsorship = new MatchBuilder().Permanent().Match(household);
        sponsorship.RecordDeposit(15_600m, Day("2022-10-20"), "Einzahlung", Day("2022-10-20"), Run, Now);
        sponsorship.MarkRentEndNoticeSent(Day("2023-08-15"));
        sponsorship.Settle(Day("2023-11-05"), null, Run, Now);
        sponsorship.RentPeriodCompletedOn.ShouldNotBeNull();

        sponsorship.SwitchRuleSet(TestRuleSets.Pilot(), "Zusage vor Juli 2022, irrtümlich umgestellt");

        sponsorship.RentPeriodCompletedOn.ShouldBeNull();
        sponsorship.RentEndNoticeSentOn.ShouldBeNull();
        sponsorship.RecordDeposit(8_000m, Day("2023-11-10"), "Nachzahlung", Day("2023-11-10"), Run, Now);
        sponsorship.Settle(Day("2024-11-05"), null, Run, Now).Refund!.Amount.ShouldBe(-200m);
        sponsorship.Entries.Count(e => e.Kind == EscrowEntryKind.RentPayment).ShouldBe(24);
    }
}
