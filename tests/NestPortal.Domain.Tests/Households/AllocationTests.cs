using NestPortal.Domain.Common;
using NestPortal.Domain.Households;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Tests.Builders;
using static NestPortal.Domain.Tests.Builders.Dates;

namespace NestPortal.Domain.Tests.Households;

public class AllocationTests
{
    private static readonly DateOnly Today = HouseholdBuilder.Today;
    private static readonly DateTime FirstIssued = new(2024, 6, 3, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime SecondIssued = new(2024, 6, 14, 12, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Staff = GroupBuilder.Staff;
    private static readonly Ags Dortmund = Ags.Parse("05913000");
    private static readonly Ags Hagen = Ags.Parse("05914000");
    private static readonly Actor DortmundClerk = new("kommune-do", "Katrin Kommune (Dortmund)");
    private static readonly Actor HagenClerk = new("kommune-ha", "Hans Hagen (Hagen)");

    private static AllocationDecision Decision(Ags municipality, string decided = "2024-06-03", string effective = "2024-06-15", string fileReference = "Az. 36.1-0001") =>
        new(municipality, Day(decided), fileReference, AllocationDecision.DefaultLegalBasis, Day(effective));

    private static Household Matched()
    {
        var household = new HouseholdBuilder().WithPersons(2).Build();
        new MatchBuilder().Match(household);
        return household;
    }

    private static Household Allocated(Ags municipality)
    {
        var household = Matched();
        household.Allocate(Decision(municipality), false, Today, Staff, FirstIssued);
        return HouseholdBuilder.AssignIds(household);
    }

    [Fact]
    public void An_allocation_records_the_decision_and_who_issued_it()
    {
        var household = Matched();

        var allocation = household.Allocate(Decision(Dortmund, fileReference: "  Az. 36.1-0001 ") with { LegalBasis = " § 16 TIntG NRW " },
            supersedeCurrent: false, Today, Staff, FirstIssued);

        allocation.MunicipalityAgs.ShouldBe(Dortmund);
        allocation.DecisionDate.ShouldBe(Day("2024-06-03"));
        allocation.EffectiveDate.ShouldBe(Day("2024-06-15"));
        allocation.FileReference.ShouldBe("Az. 36.1-0001");
        allocation.LegalBasis.ShouldBe("§ 16 TIntG NRW");
        allocation.IssuedByUserId.ShouldBe(Staff.UserId);
        allocation.IssuedByName.ShouldBe(Staff.Name);
        allocation.IssuedAtUtc.ShouldBe(FirstIssued);
        allocation.IsCurrent.ShouldBeTrue();
        allocation.IsAcknowledged.ShouldBeFalse();
        household.CurrentAllocation.ShouldBe(allocation);
    }

    [Fact]
    public void A_first_decision_may_be_marked_as_superseding_although_there_is_none()
    {
        var household = Matched();
        household.Allocate(Decision(Dortmund), supersedeCurrent: true, Today, Staff, FirstIssued);
        household.Allocations.Count.ShouldBe(1);
    }

    [Fact]
    public void A_household_not_yet_matched_is_not_allocated()
    {
        var household = new HouseholdBuilder().WithPersons(2).Build();

        Should.Throw<DomainException>(() => household.Allocate(Decision(Dortmund), false, Today, Staff, FirstIssued))
            .Message.ShouldBe("Die Familie ist noch keiner Gruppe vermittelt; die Zuweisung folgt auf die Vermittlung.");
        household.Allocations.ShouldBeEmpty();
    }

    [Fact]
    public void An_allocated_household_is_not_allocated_again_without_superseding()
    {
        var household = Allocated(Dortmund);
        var stamp = household.ConcurrencyStamp;

        Should.Throw<DomainException>(() => household.Allocate(Decision(Hagen, fileReference: "Az. 36.1-0002"), false, Today, Staff, SecondIssued))
            .Message.ShouldBe("Die Familie ist bereits zugewiesen (Aktenzeichen Az. 36.1-0001). Eine neue Entscheidung muss die bisherige ausdrücklich ersetzen.");

        household.Allocations.Count.ShouldBe(1);
        household.CurrentAllocation!.MunicipalityAgs.ShouldBe(Dortmund);
        household.CurrentAllocation.SupersededAtUtc.ShouldBeNull();
        household.ConcurrencyStamp.ShouldBe(stamp);
    }

    [Fact]
    public void A_new_decision_supersedes_the_current_one_and_the_history_stays()
    {
        var household = Allocated(Dortmund);
        var first = household.CurrentAllocation!;

        var second = household.Allocate(Decision(Hagen, decided: "2024-06-14", effective: "2024-07-01", fileReference: "Az. 36.1-0002"),
            supersedeCurrent: true, Today, Staff, SecondIssued);

        household.Allocations.ShouldBe([first, second]);
        first.IsCurrent.ShouldBeFalse();
        first.SupersededAtUtc.ShouldBe(SecondIssued);
        first.MunicipalityAgs.ShouldBe(Dortmund, "the superseded decision is kept as it was");
        second.IsCurrent.ShouldBeTrue();
        second.SupersededAtUtc.ShouldBeNull();
        household.CurrentAllocation.ShouldBe(second);
        household.Allocations.Count(a => a.IsCurrent).ShouldBe(1);
    }

    [Fact]
    public void A_decision_may_be_superseded_again_and_again()
    {
        var household = Allocated(Dortmund);
        household.Allocate(Decision(Hagen, fileReference: "Az. 2"), true, Today, Staff, SecondIssued);
        household.Allocate(Decision(Dortmund, fileReference: "Az. 3"), true, Today, Staff, SecondIssued.AddHours(1));

        household.Allocations.Select(a => (a.FileReference, a.IsCurrent)).ShouldBe([("Az. 36.1-0001", false), ("Az. 2", false), ("Az. 3", true)]);
        household.AllocatedMunicipalityAgs.ShouldBe(Dortmund);
    }

    [Fact]
    public void A_decision_dated_in_the_future_is_refused()
    {
        Should.Throw<DomainException>(() => Matched().Allocate(Decision(Dortmund, decided: "2024-06-15", effective: "2024-06-15"), false, Today, Staff, FirstIssued))
            .Message.ShouldBe("Das Entscheidungsdatum (15.06.2024) liegt in der Zukunft.");
    }

    [Fact]
    public void An_allocation_cannot_take_effect_before_its_decision()
    {
        Should.Throw<DomainException>(() => Matched().Allocate(Decision(Dortmund, decided: "2024-06-03", effective: "2024-06-02"), false, Today, Staff, FirstIssued))
            .Message.ShouldBe("Die Zuweisung kann nicht vor der Entscheidung (03.06.2024) wirksam werden.");
        Matched().Allocate(Decision(Dortmund, decided: "2024-06-03", effective: "2024-06-03"), false, Today, Staff, FirstIssued)
            .EffectiveDate.ShouldBe(Day("2024-06-03"));
    }

    [Fact]
    public void A_superseding_decision_is_not_dated_before_the_current_one()
    {
        var household = Allocated(Dortmund);

        Should.Throw<DomainException>(() => household.Allocate(Decision(Hagen, decided: "2024-06-02"), true, Today, Staff, SecondIssued))
            .Message.ShouldBe("Die neue Entscheidung kann nicht vor der bisherigen (03.06.2024) datiert sein.");
        household.Allocate(Decision(Hagen, decided: "2024-06-03"), true, Today, Staff, SecondIssued).IsCurrent.ShouldBeTrue();
    }

    [Fact]
    public void File_reference_and_legal_basis_are_required_and_limited()
    {
        Should.Throw<DomainException>(() => Matched().Allocate(Decision(Dortmund, fileReference: " ") with { LegalBasis = "" }, false, Today, Staff, FirstIssued))
            .Errors.Select(e => e.Format()).ShouldBe(["Bitte geben Sie das Aktenzeichen der Entscheidung an.", "Bitte geben Sie die Rechtsgrundlage an."]);
        Should.Throw<DomainException>(() => Matched().Allocate(Decision(Dortmund, fileReference: new string('A', 51)) with { LegalBasis = new string('§', 501) }, false, Today, Staff, FirstIssued))
            .Errors.Select(e => e.Format()).ShouldBe(["Das Aktenzeichen darf höchstens 50 Zeichen lang sein.", "Die Rechtsgrundlage darf höchstens 500 Zeichen lang sein."]);
    }

    [Fact]
    public void Every_broken_rule_of_a_decision_is_named_at_once()
    {
        var household = Allocated(Dortmund);

        var exception = Should.Throw<DomainException>(() => household.Allocate(Decision(Hagen, decided: "2024-06-20", effective: "2024-06-19", fileReference: ""), false, Today, Staff, SecondIssued));

        exception.Errors.Count.ShouldBe(4);
    }

    [Fact]
    public void The_addressed_municipality_acknowledges_receipt()
    {
        var household = Allocated(Dortmund);
        var allocation = household.CurrentAllocation!;
        var stamp = household.ConcurrencyStamp;

        household.AcknowledgeAllocation(allocation.Id, Dortmund, DortmundClerk, SecondIssued);

        allocation.IsAcknowledged.ShouldBeTrue();
        allocation.AcknowledgedByUserId.ShouldBe(DortmundClerk.UserId);
        allocation.AcknowledgedByName.ShouldBe(DortmundClerk.Name);
        allocation.AcknowledgedAtUtc.ShouldBe(SecondIssued);
        household.ConcurrencyStamp.ShouldNotBe(stamp);
    }

    [Fact]
    public void Another_municipality_cannot_acknowledge()
    {
        var household = Allocated(Dortmund);

        Should.Throw<DomainException>(() => household.AcknowledgeAllocation(household.CurrentAllocation!.Id, Hagen, HagenClerk, SecondIssued))
            .Message.ShouldBe("Diese Zuweisung ist nicht an Ihre Kommune gerichtet.");
        household.CurrentAllocation!.IsAcknowledged.ShouldBeFalse();
    }

    [Fact]
    public void An_unknown_allocation_cannot_be_acknowledged()
    {
        var household = Allocated(Dortmund);

        Should.Throw<DomainException>(() => household.AcknowledgeAllocation(999, Dortmund, DortmundClerk, SecondIssued))
            .Message.ShouldBe("Diese Zuweisung ist nicht an Ihre Kommune gerichtet.");
    }

    [Fact]
    public void Only_the_current_decision_can_be_acknowledged()
    {
        var household = Allocated(Dortmund);
        var superseded = household.CurrentAllocation!;
        household.Allocate(Decision(Hagen, fileReference: "Az. 2"), true, Today, Staff, SecondIssued);
        HouseholdBuilder.AssignIds(household);

        Should.Throw<DomainException>(() => household.AcknowledgeAllocation(superseded.Id, Dortmund, DortmundClerk, SecondIssued))
            .Message.ShouldBe("Diese Zuweisung ist durch eine neuere Entscheidung ersetzt.");
        superseded.IsAcknowledged.ShouldBeFalse();

        household.AcknowledgeAllocation(household.CurrentAllocation!.Id, Hagen, HagenClerk, SecondIssued);
        household.CurrentAllocation.AcknowledgedByName.ShouldBe(HagenClerk.Name);
    }

    [Fact]
    public void Receipt_is_acknowledged_only_once()
    {
        var household = Allocated(Dortmund);
        var allocation = household.CurrentAllocation!;
        household.AcknowledgeAllocation(allocation.Id, Dortmund, DortmundClerk, new DateTime(2024, 6, 5, 9, 0, 0, DateTimeKind.Utc));

        Should.Throw<DomainException>(() => household.AcknowledgeAllocation(allocation.Id, Dortmund, new Actor("x", "Jemand anderes"), SecondIssued))
            .Message.ShouldBe("Der Eingang wurde bereits am 05.06.2024 von Katrin Kommune (Dortmund) bestätigt.");
        allocation.AcknowledgedByName.ShouldBe(DortmundClerk.Name);
        allocation.AcknowledgedAtUtc.ShouldBe(new DateTime(2024, 6, 5, 9, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void A_superseding_decision_starts_unacknowledged()
    {
        var household = Allocated(Dortmund);
        household.AcknowledgeAllocation(household.CurrentAllocation!.Id, Dortmund, DortmundClerk, SecondIssued);

        var second = household.Allocate(Decision(Dortmund, fileReference: "Az. 2"), true, Today, Staff, SecondIssued);

        second.IsAcknowledged.ShouldBeFalse();
        household.Allocations.First().IsAcknowledged.ShouldBeTrue("the old receipt stays in the history");
    }
}
