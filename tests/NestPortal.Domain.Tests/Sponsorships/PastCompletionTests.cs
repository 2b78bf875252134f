using NestPortal.Domain.Common;
using NestPortal.Domain.Sponsorships;
using NestPortal.Domain.Tests.Builders;
using static NestPortal.Domain.Tests.Builders.Dates;

namespace NestPortal.Domain.Tests.Sponsorships;

/// <summary>A sponsorship completed in the past (an imported history) keeps its date and its ledger.</summary>
public class PastCompletionTests
{
    private static readonly DateOnly Today = Day("2026-06-17");
    private static readonly DateTime Now = new(2026, 6, 17, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void It_is_completed_on_the_given_day_and_books_nothing()
    {
        var sponsorship = EscrowLedgerTests.Pilot();
        sponsorship.RecordDeposit(1_000m, Day("2019-10-20"), "Einzahlung", Today, GroupBuilder.Staff, Now);

        sponsorship.CompleteAsOf(Day("2021-11-15"), Today);

        sponsorship.Status.ShouldBe(SponsorshipStatus.Completed);
        sponsorship.CompletedOn.ShouldBe(Day("2021-11-15"));
        sponsorship.Entries.Count.ShouldBe(1);
    }

    [Fact]
    public void The_rent_run_leaves_it_alone()
    {
        var sponsorship = EscrowLedgerTests.Pilot();
        sponsorship.CompleteAsOf(Day("2021-11-15"), Today);

        sponsorship.Settle(Today, Day("2020-12-14"), GroupBuilder.Staff, Now).ChangedAnything.ShouldBeFalse();
        sponsorship.CompletedOn.ShouldBe(Day("2021-11-15"));
    }

    [Theory]
    [InlineData("2019-10-31", "Das Abschlussdatum (31.10.2019) liegt vor dem Mietbeginn (01.11.2019).")]
    [InlineData("2026-06-18", "Das Abschlussdatum (18.06.2026) liegt in der Zukunft.")]
    public void Its_date_must_lie_between_the_lease_start_and_today(string completedOn, string message)
    {
        var sponsorship = EscrowLedgerTests.Pilot();

        var errors = Should.Throw<DomainException>(() => sponsorship.CompleteAsOf(Day(completedOn), Today)).Errors.Select(e => e.Format());

        errors.ShouldContain(message);
        sponsorship.Status.ShouldBe(SponsorshipStatus.Running);
    }

    [Fact]
    public void A_completed_sponsorship_cannot_be_completed_again()
    {
        var sponsorship = EscrowLedgerTests.Pilot();
        sponsorship.CompleteAsOf(Day("2021-11-15"), Today);

        Should.Throw<DomainException>(() => sponsorship.CompleteAsOf(Day("2021-12-15"), Today));
    }
}
