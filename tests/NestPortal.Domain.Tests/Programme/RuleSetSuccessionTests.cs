using NestPortal.Domain.Common;
using NestPortal.Domain.Programme;
using static NestPortal.Domain.Tests.Builders.Dates;

namespace NestPortal.Domain.Tests.Programme;

/// <summary>An administrator adds the next rule set; the latest ends the day before; only unused rules are corrected.</summary>
public class RuleSetSuccessionTests
{
    [Fact]
    public void A_successor_ends_the_latest_rule_set_the_day_before_and_leaves_earlier_ones_alone()
    {
        var pilot = SeededRuleSets.Pilot();
        var permanent = SeededRuleSets.Permanent();

        var successor = ProgrammeRuleSet.AddSuccessor([pilot, permanent], Create("NEST-2027", "2027-01-01"), lastSubmissionUnderLatest: Day("2026-11-24"));

        successor.Code.ShouldBe("NEST-2027");
        permanent.ValidUntil.ShouldBe(Day("2026-12-31"));
        pilot.ValidUntil.ShouldBe(Day("2022-06-30"));
        ProgrammeRuleSet.InForceOn([pilot, permanent, successor], Day("2026-12-31"))!.Code.ShouldBe(SeededRuleSets.PermanentCode);
        ProgrammeRuleSet.InForceOn([pilot, permanent, successor], Day("2027-01-01"))!.Code.ShouldBe("NEST-2027");
    }

    [Fact]
    public void The_first_rule_set_needs_no_predecessor()
    {
        var first = ProgrammeRuleSet.AddSuccessor([], Create("FIRST", "2019-05-06"), lastSubmissionUnderLatest: null);

        first.Code.ShouldBe("FIRST");
    }

    [Fact]
    public void A_successor_may_start_the_day_after_the_last_submission()
    {
        var permanent = SeededRuleSets.Permanent();

        ProgrammeRuleSet.AddSuccessor([permanent], Create("NEXT", "2026-11-25"), lastSubmissionUnderLatest: Day("2026-11-24"));

        permanent.ValidUntil.ShouldBe(Day("2026-11-24"));
    }

    [Theory]
    [InlineData("2026-11-24")] // the day of the last submission
    [InlineData("2026-11-20")] // before it
    public void A_successor_starting_on_or_before_the_last_submission_is_refused(string from)
    {
        var permanent = SeededRuleSets.Permanent();

        var exception = Should.Throw<DomainException>(() =>
            ProgrammeRuleSet.AddSuccessor([permanent], Create("NEXT", from), lastSubmissionUnderLatest: Day("2026-11-24")));

        exception.Message.ShouldContain("Am 24.11.2026 wurde noch eine Gruppe nach „NesT Regelprogramm“ eingereicht");
        permanent.ValidUntil.ShouldBeNull("nothing changed");
    }

    [Theory]
    [InlineData("2022-07-01")] // the latest's own first day
    [InlineData("2020-01-01")] // slotted in between the pilot and the permanent programme
    public void A_successor_starting_on_or_before_the_latest_start_is_refused(string from)
    {
        var pilot = SeededRuleSets.Pilot();
        var permanent = SeededRuleSets.Permanent();

        var exception = Should.Throw<DomainException>(() =>
            ProgrammeRuleSet.AddSuccessor([pilot, permanent], Create("NEXT", from), lastSubmissionUnderLatest: null));

        exception.Message.ShouldContain("Nachfolgeregeln müssen nach dem Beginn von „NesT Regelprogramm“ (01.07.2022) beginnen.");
        permanent.ValidUntil.ShouldBeNull();
        pilot.ValidUntil.ShouldBe(Day("2022-06-30"));
    }

    [Theory]
    [InlineData("NEST-PERMANENT")]
    [InlineData("nest-permanent")] // codes are compared as people read them
    public void A_code_taken_by_any_rule_set_is_refused(string code)
    {
        var permanent = SeededRuleSets.Permanent();

        var exception = Should.Throw<DomainException>(() =>
            ProgrammeRuleSet.AddSuccessor([SeededRuleSets.Pilot(), permanent], Create(code, "2027-01-01"), lastSubmissionUnderLatest: null));

        exception.Message.ShouldContain("ist schon vergeben");
        permanent.ValidUntil.ShouldBeNull();
    }

    [Fact]
    public void A_latest_rule_set_ending_before_the_successor_keeps_its_end()
    {
        var ending = Create("ENDING", "2024-01-01", validUntil: "2024-12-31");

        ProgrammeRuleSet.AddSuccessor([ending], Create("LATER", "2025-06-01"), lastSubmissionUnderLatest: null);

        ending.ValidUntil.ShouldBe(Day("2024-12-31"), "a gap is not closed by stretching rules already in force");
    }

    [Fact]
    public void A_latest_rule_set_ending_after_the_successors_start_is_cut_back()
    {
        var ending = Create("ENDING", "2024-01-01", validUntil: "2025-12-31");

        ending.EndBefore(Day("2025-06-01"), lastSubmissionUnderThis: Day("2025-05-31"));

        ending.ValidUntil.ShouldBe(Day("2025-05-31"));
    }

    [Fact]
    public void An_unused_rule_set_is_revised()
    {
        var ruleSet = Create("NEXT", "2027-01-01");

        ruleSet.Revise(inUse: false, "Korrigiert", Day("2027-02-01"), Day("2029-12-31"), minimumMembers: 3, requiredMainContacts: 1,
            legalPersonsAllowed: false, rentMonths: 18, rentMonthsWithOwnedFlat: 6, supportMonths: 24, trainingRequirement: " Zwei Abende ");

        ruleSet.Code.ShouldBe("NEXT", "the code stays");
        ruleSet.Name.ShouldBe("Korrigiert");
        ruleSet.ValidFrom.ShouldBe(Day("2027-02-01"));
        ruleSet.ValidUntil.ShouldBe(Day("2029-12-31"));
        ruleSet.MinimumMembers.ShouldBe(3);
        ruleSet.RequiredMainContacts.ShouldBe(1);
        ruleSet.LegalPersonsAllowed.ShouldBeFalse();
        ruleSet.RentMonths.ShouldBe(18);
        ruleSet.RentMonthsWithOwnedFlat.ShouldBe(6);
        ruleSet.SupportMonths.ShouldBe(24);
        ruleSet.TrainingRequirement.ShouldBe("Zwei Abende");
    }

    [Fact]
    public void A_rule_set_in_use_is_not_revised()
    {
        var permanent = SeededRuleSets.Permanent();

        var exception = Should.Throw<DomainException>(() => permanent.Revise(inUse: true, "Anders", Day("2022-07-01"), null,
            4, 2, true, 6, 0, 12, "Schulung"));

        exception.Message.ShouldContain("„NesT Regelprogramm“ werden schon verwendet");
        permanent.RentMonths.ShouldBe(12);
        permanent.Name.ShouldBe("NesT Regelprogramm");
    }

    [Fact]
    public void A_revision_breaking_a_rule_changes_nothing()
    {
        var ruleSet = Create("NEXT", "2027-01-01");

        Should.Throw<DomainException>(() => ruleSet.Revise(inUse: false, "Korrigiert", Day("2027-01-01"), null,
            minimumMembers: 2, requiredMainContacts: 3, legalPersonsAllowed: true, rentMonths: -1, rentMonthsWithOwnedFlat: 0,
            supportMonths: 12, trainingRequirement: "Schulung")).Errors.Count.ShouldBe(2);

        ruleSet.Name.ShouldBe("Testregeln");
        ruleSet.RentMonths.ShouldBe(12);
    }

    private static ProgrammeRuleSet Create(string code, string validFrom, string? validUntil = null) =>
        new(code, "Testregeln", Day(validFrom), validUntil is null ? null : Day(validUntil), minimumMembers: 4,
            requiredMainContacts: 2, legalPersonsAllowed: true, rentMonths: 12, rentMonthsWithOwnedFlat: 0, supportMonths: 12,
            trainingRequirement: "Schulung");
}

/// <summary>A corrected, unused rule set stays between its neighbours: one rule set in force on each day.</summary>
public class RuleSetRevisionInSequenceTests
{
    private static ProgrammeRuleSet Create(string code, string validFrom, string? validUntil = null) =>
        new(code, $"Regeln {code}", Day(validFrom), validUntil is null ? null : Day(validUntil), 4, 2, true, 12, 0, 12, "Schulung");

    private static void Revise(ProgrammeRuleSet ruleSet, string validFrom, string? validUntil = null) =>
        ruleSet.Revise(inUse: false, ruleSet.Name, Day(validFrom), validUntil is null ? null : Day(validUntil), 4, 2, true, 12, 0, 12, "Schulung");

    [Theory]
    [InlineData("2028-03-01", "2028-02-29")] // later: the predecessor lasts longer
    [InlineData("2027-06-01", "2027-05-31")] // earlier: it ends earlier
    public void The_predecessor_follows_a_corrected_start(string newFrom, string predecessorUntil)
    {
        var permanent = SeededRuleSets.Permanent();
        var successor = ProgrammeRuleSet.AddSuccessor([permanent], Create("NEXT", "2028-01-01"), null);
        var all = new[] { permanent, successor };

        Revise(successor, newFrom);
        ProgrammeRuleSet.FitBetweenNeighbours(all, successor, Day("2028-01-01"), lastSubmissionUnderPredecessor: Day("2026-11-24"));

        permanent.ValidUntil.ShouldBe(Day(predecessorUntil));
        ProgrammeRuleSet.InForceOn(all, Day(predecessorUntil))!.Code.ShouldBe(SeededRuleSets.PermanentCode);
        ProgrammeRuleSet.InForceOn(all, Day(newFrom))!.Code.ShouldBe("NEXT");
    }

    [Fact]
    public void A_predecessor_that_ended_on_its_own_is_not_stretched()
    {
        var ending = Create("ENDING", "2024-01-01", "2024-12-31");
        var later = Create("LATER", "2025-06-01");
        var all = new[] { ending, later };

        Revise(later, "2025-09-01");
        ProgrammeRuleSet.FitBetweenNeighbours(all, later, Day("2025-06-01"), null);

        ending.ValidUntil.ShouldBe(Day("2024-12-31"));
    }

    [Fact]
    public void A_corrected_start_before_the_last_submission_under_the_predecessor_is_refused()
    {
        var permanent = SeededRuleSets.Permanent();
        var successor = ProgrammeRuleSet.AddSuccessor([permanent], Create("NEXT", "2028-01-01"), null);

        Revise(successor, "2026-11-01");

        Should.Throw<DomainException>(() => ProgrammeRuleSet.FitBetweenNeighbours([permanent, successor], successor, Day("2028-01-01"), Day("2026-11-24")))
            .Message.ShouldContain("Am 24.11.2026 wurde noch eine Gruppe");
    }

    [Fact]
    public void A_corrected_period_reaching_into_the_next_rule_set_is_refused()
    {
        var permanent = SeededRuleSets.Permanent();
        var middle = ProgrammeRuleSet.AddSuccessor([permanent], Create("MIDDLE", "2028-01-01"), null);
        var last = ProgrammeRuleSet.AddSuccessor([permanent, middle], Create("LAST", "2029-01-01"), null);
        middle.ValidUntil.ShouldBe(Day("2028-12-31"));

        Revise(middle, "2028-01-01", "2029-01-01");

        Should.Throw<DomainException>(() => ProgrammeRuleSet.FitBetweenNeighbours([permanent, middle, last], middle, Day("2028-01-01"), null))
            .Message.ShouldContain("Die Regeln müssen vor dem Beginn von „Regeln LAST“ (01.01.2029) enden.");
    }

    [Fact]
    public void An_open_ended_correction_before_a_later_rule_set_is_refused()
    {
        var first = Create("FIRST", "2028-01-01");
        var second = ProgrammeRuleSet.AddSuccessor([first], Create("SECOND", "2029-01-01"), null);

        Revise(first, "2028-01-01");

        Should.Throw<DomainException>(() => ProgrammeRuleSet.FitBetweenNeighbours([first, second], first, Day("2028-01-01"), null))
            .Message.ShouldContain("„Regeln SECOND“");
    }
}
