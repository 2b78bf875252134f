using NestPortal.Domain.Common;
using NestPortal.Domain.Households;
using NestPortal.Domain.Tests.Builders;
using static NestPortal.Domain.Tests.Builders.Dates;

namespace NestPortal.Domain.Tests.Households;

public class RecordingTests
{
    private static readonly DateOnly Today = HouseholdBuilder.Today;
    private static readonly DateTime Now = HouseholdBuilder.Now;

    [Fact]
    public void A_recorded_household_waits_for_its_match()
    {
        var household = Household.Record("  NesT-2024-0001 ", Day("2024-09-01"), "  Rollstuhlgerechte Wohnung nötig. ", Today, Now);

        household.Reference.ShouldBe("NesT-2024-0001");
        household.ExpectedArrival.ShouldBe(Day("2024-09-01"));
        household.SpecialNeedsNote.ShouldBe("Rollstuhlgerechte Wohnung nötig.");
        household.Status.ShouldBe(HouseholdStatus.Recorded);
        household.IsMatched.ShouldBeFalse();
        household.CreatedAtUtc.ShouldBe(Now);
        household.Persons.ShouldBeEmpty();
        household.Allocations.ShouldBeEmpty();
        household.CurrentAllocation.ShouldBeNull();
        household.FirstArrival.ShouldBeNull();
        household.PrincipalName.ShouldBeNull();
        household.AllocatedMunicipalityAgs.ShouldBeNull();
        household.ConcurrencyStamp.ShouldNotBe(Guid.Empty);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_note_is_no_note(string? note)
    {
        Household.Record("NesT-1", null, note, Today, Now).SpecialNeedsNote.ShouldBeNull();
    }

    [Fact]
    public void Every_broken_rule_of_the_details_is_named()
    {
        var exception = Should.Throw<DomainException>(() =>
            Household.Record(" ", Today.AddYears(4), new string('x', Household.SpecialNeedsMaxLength + 1), Today, Now));

        exception.Errors.Select(e => e.Format()).ShouldBe(
        [
            "Bitte geben Sie das Aktenzeichen der Familie an.",
            "Die erwartete Ankunft (14.06.2028) ist nicht plausibel.",
            "Der Hinweis auf besondere Bedarfe darf höchstens 4000 Zeichen lang sein.",
        ]);
    }

    [Fact]
    public void A_reference_longer_than_50_characters_is_refused()
    {
        Should.Throw<DomainException>(() => Household.Record(new string('A', 51), null, null, Today, Now))
            .Message.ShouldBe("Das Aktenzeichen darf höchstens 50 Zeichen lang sein.");
        Household.Record(new string('A', 50), null, null, Today, Now).Reference.Length.ShouldBe(50);
    }

    [Theory]
    [InlineData("2014-06-13", false)] // more than ten years ago
    [InlineData("2014-06-14", true)]
    [InlineData("2027-06-14", true)]
    [InlineData("2027-06-15", false)] // more than three years ahead
    public void The_expected_arrival_must_be_plausible(string expected, bool accepted)
    {
        var record = () => Household.Record("NesT-1", Day(expected), null, Today, Now);

        if (accepted) record().ExpectedArrival.ShouldBe(Day(expected));
        else Should.Throw<DomainException>(record).Message.ShouldContain("ist nicht plausibel");
    }

    [Fact]
    public void Changing_the_details_keeps_the_rules_and_moves_the_stamp()
    {
        var household = new HouseholdBuilder().WithPersons(2).Build();
        var stamp = household.ConcurrencyStamp;

        household.ChangeDetails(" NesT-2024-0099 ", Day("2024-10-01"), null, Today);

        household.Reference.ShouldBe("NesT-2024-0099");
        household.ExpectedArrival.ShouldBe(Day("2024-10-01"));
        household.SpecialNeedsNote.ShouldBeNull();
        household.ConcurrencyStamp.ShouldNotBe(stamp);
    }

    [Fact]
    public void A_refused_change_changes_nothing()
    {
        var household = new HouseholdBuilder().WithNote("Hinweis").Build();
        var stamp = household.ConcurrencyStamp;

        Should.Throw<DomainException>(() => household.ChangeDetails("", null, null, Today));

        household.Reference.ShouldBe(HouseholdBuilder.DefaultReference);
        household.SpecialNeedsNote.ShouldBe("Hinweis");
        household.ConcurrencyStamp.ShouldBe(stamp);
    }
}
