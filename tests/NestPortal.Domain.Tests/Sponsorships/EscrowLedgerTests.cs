using NestPortal.Domain.Common;
using NestPortal.Domain.Sponsorships;
using NestPortal.Domain.Tests.Builders;
using static NestPortal.Domain.Tests.Builders.Dates;

namespace NestPortal.Domain.Tests.Sponsorships;

/// <summary>The escrow account's bookings: exact amounts, a balance never below zero, corrections that reverse one entry.</summary>
public class EscrowLedgerTests
{
    private static readonly DateOnly Today = Day("2019-12-10");
    private static readonly DateTime Now = new(2019, 12, 10, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Clerk = GroupBuilder.Staff;

    /// <summary>A pilot sponsorship: 650 € a month for 24 months from November 2019, so 15,600 € required.</summary>
    public static Sponsorship Pilot() => new MatchBuilder().Match(new HouseholdBuilder()
        .WithPerson(HouseholdBuilder.Person("Rami") with { AdmissionDecisionDate = Day("2019-08-01"), VisaDate = Day("2019-10-01") })
        .Build(Day("2019-10-15")));

    private static string Messages(Action action) => string.Join(" ", Should.Throw<DomainException>(action).Errors.Select(e => e.Format()));

    [Fact]
    public void A_new_account_is_empty_and_shows_the_whole_requirement_as_shortfall()
    {
        var position = Pilot().Position;

        position.Balance.ShouldBe(0m);
        position.Required.ShouldBe(15_600m);
        position.Shortfall.ShouldBe(15_600m);
        position.MonthsRemaining.ShouldBe(24);
    }

    [Fact]
    public void Deposits_and_payments_move_the_balance_and_the_stored_figures()
    {
        var sponsorship = Pilot();
        sponsorship.RecordDeposit(15_600m, Day("2019-10-30"), "Mietkaution Gruppe", Today, Clerk, Now);
        sponsorship.PayRent(Day("2019-11-01"), Today, Clerk, Now);
        sponsorship.PayRent(Day("2019-12-01"), Today, Clerk, Now);

        sponsorship.Balance.ShouldBe(14_300m);
        sponsorship.EscrowBalance.ShouldBe(14_300m);
        sponsorship.EscrowShortfall.ShouldBe(0m);
        sponsorship.Position.MonthsPaid.ShouldBe(2);
        sponsorship.Position.Funded.ShouldBe(15_600m);
        sponsorship.Entries.Last().Amount.ShouldBe(-650m);
    }

    [Theory]
    [InlineData("0", "größer als 0")]
    [InlineData("-5", "größer als 0")]
    [InlineData("10.005", "zwei Nachkommastellen")]
    [InlineData("1000000.01", "nicht plausibel")]
    public void Bad_amounts_are_refused_and_nothing_is_booked(string amount, string expected)
    {
        var sponsorship = Pilot();

        Messages(() => sponsorship.RecordDeposit(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Today, "Ref", Today, Clerk, Now)).ShouldContain(expected);
        sponsorship.Entries.ShouldBeEmpty();
    }

    [Fact]
    public void A_deposit_in_the_future_or_without_reference_is_refused()
    {
        var sponsorship = Pilot();

        Messages(() => sponsorship.RecordDeposit(100m, Day("2031-01-01"), "Ref", Today, Clerk, Now)).ShouldContain("in der Zukunft");
        Messages(() => sponsorship.RecordDeposit(100m, Today, " ", Today, Clerk, Now)).ShouldContain("Verwendungszweck");
        sponsorship.Entries.ShouldBeEmpty();
    }

    [Fact]
    public void A_payment_beyond_the_balance_is_refused_with_the_figures()
    {
        var sponsorship = Pilot();
        sponsorship.RecordDeposit(600m, Today, "Teilbetrag", Today, Clerk, Now);

        Messages(() => sponsorship.PayRent(Day("2019-11-01"), Today, Clerk, Now)).ShouldContain("Das Guthaben von 600,00 € reicht für die Miete für 11.2019 (650,00 €) nicht aus.");
        sponsorship.Balance.ShouldBe(600m);
    }

    [Fact]
    public void A_month_is_paid_once_and_only_when_due_and_within_the_period()
    {
        var sponsorship = Pilot();
        sponsorship.RecordDeposit(15_600m, Today, "Ref", Today, Clerk, Now);
        sponsorship.PayRent(Day("2019-11-01"), Today, Clerk, Now);

        Messages(() => sponsorship.PayRent(Day("2019-11-01"), Today, Clerk, Now)).ShouldContain("bereits gezahlt");
        Messages(() => sponsorship.PayRent(Day("2020-01-01"), Today, Clerk, Now)).ShouldContain("noch nicht fällig");
        Messages(() => sponsorship.PayRent(Day("2019-10-01"), Today, Clerk, Now)).ShouldContain("keine Miete");
        sponsorship.Position.MonthsPaid.ShouldBe(1);
    }

    [Fact]
    public void A_correction_reverses_exactly_one_entry_and_cannot_itself_be_corrected()
    {
        var sponsorship = Pilot();
        var wrong = sponsorship.RecordDeposit(1_000m, Today, "Tippfehler", Today, Clerk, Now);
        var correction = sponsorship.Correct(wrong, "Betrag falsch erfasst", Today, Clerk, Now);

        correction.Amount.ShouldBe(-1_000m);
        correction.Reverses(wrong).ShouldBeTrue();
        sponsorship.IsCorrected(wrong).ShouldBeTrue();
        sponsorship.Balance.ShouldBe(0m);
        sponsorship.Position.Deposited.ShouldBe(0m);
        Messages(() => sponsorship.Correct(correction, "noch einmal", Today, Clerk, Now)).ShouldContain("Korrektur kann nicht korrigiert werden");
        Messages(() => sponsorship.Correct(wrong, "noch einmal", Today, Clerk, Now)).ShouldContain("bereits korrigiert");
        sponsorship.Entries.Count.ShouldBe(2);
    }

    [Fact]
    public void An_entry_of_another_account_cannot_be_corrected_here()
    {
        var mine = Pilot();
        var other = Pilot();
        var foreign = other.RecordDeposit(500m, Today, "Ref", Today, Clerk, Now);

        Messages(() => mine.Correct(foreign, "falsches Konto", Today, Clerk, Now)).ShouldContain("gehört nicht zu diesem Mietkonto");
        Messages(() => mine.Correct(4711, "falsches Konto", Today, Clerk, Now)).ShouldContain("gehört nicht zu diesem Mietkonto");
        mine.Entries.ShouldBeEmpty();
    }

    [Fact]
    public void Correcting_a_deposit_already_spent_is_refused_because_the_balance_would_go_below_zero()
    {
        var sponsorship = Pilot();
        var deposit = sponsorship.RecordDeposit(650m, Today, "Ref", Today, Clerk, Now);
        sponsorship.PayRent(Day("2019-11-01"), Today, Clerk, Now);

        Messages(() => sponsorship.Correct(deposit, "Rückbuchung", Today, Clerk, Now)).ShouldContain("unter null");
    }

    [Fact]
    public void A_corrected_rent_payment_leaves_its_month_unpaid_and_the_next_payment_counts_twice()
    {
        var sponsorship = Pilot();
        sponsorship.RecordDeposit(2_000m, Today, "Ref", Today, Clerk, Now);
        var payment = sponsorship.PayRent(Day("2019-11-01"), Today, Clerk, Now);
        sponsorship.Correct(payment, "Vermieter hat zurücküberwiesen", Today, Clerk, Now);

        sponsorship.IsRentPaidFor(Day("2019-11-01")).ShouldBeFalse();
        var again = sponsorship.PayRent(Day("2019-11-01"), Today, Clerk, Now);
        again.RentPaymentNumber.ShouldBe(2);
        payment.RentPaymentNumber.ShouldBe(1);
    }

    [Fact]
    public void The_same_form_key_books_once()
    {
        var sponsorship = Pilot();
        var key = Guid.NewGuid();
        var first = sponsorship.RecordDeposit(500m, Today, "Ref", Today, Clerk, Now, key);
        var second = sponsorship.RecordDeposit(500m, Today, "Ref", Today, Clerk, Now, key);

        second.ShouldBeSameAs(first);
        sponsorship.Entries.Count.ShouldBe(1);
    }

    [Fact]
    public void A_refund_may_take_only_what_the_remaining_rent_does_not_need()
    {
        var sponsorship = Pilot();
        sponsorship.RecordDeposit(16_000m, Today, "Ref", Today, Clerk, Now);

        Messages(() => sponsorship.Refund(400.01m, "Überzahlung", Today, Clerk, Now)).ShouldContain("höchstens 400,00 €");
        sponsorship.Refund(400m, "Überzahlung", Today, Clerk, Now);
        sponsorship.Position.Surplus.ShouldBe(0m);
        sponsorship.Position.Refunded.ShouldBe(400m);
    }

    [Fact]
    public void A_rent_increase_recomputes_the_requirement_and_shows_the_shortfall()
    {
        var sponsorship = Pilot();
        sponsorship.RecordDeposit(15_600m, Today, "Ref", Today, Clerk, Now);
        sponsorship.PayRent(Day("2019-11-01"), Today, Clerk, Now);

        var position = sponsorship.ChangeRent(Day("2020-01-01"), 700m, Clerk, Now);

        // December at 650 €, then 22 months at 700 €.
        position.RemainingRent.ShouldBe(650m + 22 * 700m);
        position.Shortfall.ShouldBe(650m + 22 * 700m - 14_950m);
        sponsorship.EscrowShortfall.ShouldBe(position.Shortfall);
        sponsorship.RentFor(Day("2019-12-01")).ShouldBe(650m);
        sponsorship.RentFor(Day("2021-10-01")).ShouldBe(700m);
    }

    [Theory]
    [InlineData("2019-10-01", "vor dem Mietbeginn")]
    [InlineData("2021-11-01", "nach dem letzten Monat")]
    [InlineData("2019-11-01", "bereits gezahlt")]
    public void A_rent_change_outside_the_open_months_is_refused(string month, string expected)
    {
        var sponsorship = Pilot();
        sponsorship.RecordDeposit(650m, Today, "Ref", Today, Clerk, Now);
        sponsorship.PayRent(Day("2019-11-01"), Today, Clerk, Now);

        Messages(() => sponsorship.ChangeRent(Day(month), 700m, Clerk, Now)).ShouldContain(expected);
        sponsorship.RentChanges.ShouldBeEmpty();
    }

    [Fact]
    public void Ready_for_arrival_only_when_fully_funded()
    {
        var sponsorship = Pilot();
        sponsorship.RecordDeposit(15_000m, Today, "Ref", Today, Clerk, Now);

        Messages(() => sponsorship.MarkReadyForArrival(Today)).ShouldContain("Es fehlen 600,00 €");
        sponsorship.ReadyForArrivalOn.ShouldBeNull();

        sponsorship.RecordDeposit(600m, Today, "Rest", Today, Clerk, Now);
        sponsorship.MarkReadyForArrival(Today);
        sponsorship.ReadyForArrivalOn.ShouldBe(Today);
    }

    [Fact]
    public void Switching_to_twelve_months_halves_the_requirement_and_leaves_the_money_alone()
    {
        var sponsorship = Pilot();
        sponsorship.RecordDeposit(15_600m, Today, "Ref", Today, Clerk, Now);

        sponsorship.SwitchRuleSet(TestRuleSets.Permanent(), "Umstellung Juli 2022");

        sponsorship.Position.Required.ShouldBe(7_800m);
        sponsorship.Balance.ShouldBe(15_600m);
        sponsorship.Position.Surplus.ShouldBe(7_800m);
        sponsorship.Entries.Count.ShouldBe(1);
    }
}
