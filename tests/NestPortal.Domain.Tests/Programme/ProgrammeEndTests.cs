using NestPortal.Domain.Common;
using NestPortal.Domain.Programme;
using NestPortal.Domain.Tests.Builders;
using static NestPortal.Domain.Tests.Builders.Dates;

namespace NestPortal.Domain.Tests.Programme;

/// <summary>An administrator ends the programme (NesT ended in its form at the end of 2025), and may take the end back.</summary>
public class ProgrammeEndTests
{
    private static readonly DateOnly LastDay = Day("2025-12-31");

    [Fact]
    public void Ending_the_programme_ends_the_latest_rule_set_and_leaves_no_rules_after_it()
    {
        var pilot = SeededRuleSets.Pilot();
        var permanent = SeededRuleSets.Permanent();
        ProgrammeRuleSet[] ruleSets = [pilot, permanent];

        var ended = ProgrammeRuleSet.EndProgramme(ruleSets, LastDay, lastSubmissionUnderLatest: Day("2025-11-03"));

        ended.ShouldBeSameAs(permanent);
        permanent.ValidUntil.ShouldBe(LastDay);
        pilot.ValidUntil.ShouldBe(Day("2022-06-30"));
        ProgrammeRuleSet.ProgrammeEnd(ruleSets).ShouldBe(LastDay);
        ProgrammeRuleSet.InForceOn(ruleSets, LastDay)!.Code.ShouldBe(SeededRuleSets.PermanentCode);
        ProgrammeRuleSet.InForceOn(ruleSets, Day("2026-01-01")).ShouldBeNull();
        ProgrammeRuleSet.ProgrammeEndedBefore(ruleSets, LastDay).ShouldBeNull("the last day still belongs to the programme");
        ProgrammeRuleSet.ProgrammeEndedBefore(ruleSets, Day("2026-01-01")).ShouldBe(LastDay);
    }

    [Fact]
    public void An_open_ended_programme_has_no_end()
    {
        ProgrammeRuleSet.ProgrammeEnd(SeededRuleSets.All()).ShouldBeNull();
        ProgrammeRuleSet.ProgrammeEndedBefore(SeededRuleSets.All(), Day("2030-01-01")).ShouldBeNull();
    }

    [Fact]
    public void After_the_end_a_submission_is_refused_with_the_end_date()
    {
        ProgrammeRuleSet[] ruleSets = [SeededRuleSets.Pilot(), SeededRuleSets.Permanent()];
        ProgrammeRuleSet.EndProgramme(ruleSets, LastDay, null);
        var today = Day("2026-06-17");
        var group = new GroupBuilder().ReadyToSubmit().Build();

        var exception = Should.Throw<DomainException>(() =>
            group.Submit(ProgrammeRuleSet.InForceOn(ruleSets, today), today, GroupBuilder.Actor, GroupBuilder.Now, ProgrammeRuleSet.ProgrammeEnd(ruleSets)));

        exception.Message.ShouldBe("Das Programm NesT endete am 31.12.2025; seitdem sind keine Einreichungen mehr möglich.");
        group.SubmittedOn.ShouldBeNull();
    }

    [Fact]
    public void On_its_last_day_the_programme_still_takes_submissions()
    {
        ProgrammeRuleSet[] ruleSets = [SeededRuleSets.Permanent()];
        ProgrammeRuleSet.EndProgramme(ruleSets, LastDay, null);
        var group = new GroupBuilder().ReadyToSubmit().Build();

        group.CheckSubmission(ProgrammeRuleSet.InForceOn(ruleSets, LastDay), LastDay, ProgrammeRuleSet.ProgrammeEnd(ruleSets)).ShouldBeEmpty();
    }

    [Fact]
    public void An_end_before_the_last_submission_under_the_latest_rule_set_is_refused()
    {
        var permanent = SeededRuleSets.Permanent();

        var exception = Should.Throw<DomainException>(() =>
            ProgrammeRuleSet.EndProgramme([permanent], LastDay, lastSubmissionUnderLatest: Day("2026-01-05")));

        exception.Message.ShouldBe("Am 05.01.2026 wurde noch eine Gruppe nach „NesT Regelprogramm“ eingereicht; das Programm kann frühestens an diesem Tag enden.");
        permanent.ValidUntil.ShouldBeNull("nothing changed");
    }

    [Fact]
    public void An_end_on_the_day_of_the_last_submission_is_allowed()
    {
        var permanent = SeededRuleSets.Permanent();

        ProgrammeRuleSet.EndProgramme([permanent], LastDay, lastSubmissionUnderLatest: LastDay);

        permanent.ValidUntil.ShouldBe(LastDay);
    }

    [Fact]
    public void An_end_before_the_latest_rule_set_starts_is_refused()
    {
        var pilot = SeededRuleSets.Pilot();
        var permanent = SeededRuleSets.Permanent();

        var exception = Should.Throw<DomainException>(() => ProgrammeRuleSet.EndProgramme([pilot, permanent], Day("2022-06-30"), null));

        exception.Message.ShouldBe("Das Programm kann frühestens am ersten Tag der Regeln „NesT Regelprogramm“ (01.07.2022) enden.");
        permanent.ValidUntil.ShouldBeNull();
        pilot.ValidUntil.ShouldBe(Day("2022-06-30"));
    }

    [Fact]
    public void A_programme_without_rules_cannot_end()
    {
        Should.Throw<DomainException>(() => ProgrammeRuleSet.EndProgramme([], LastDay, null));
    }

    [Fact]
    public void An_end_already_set_moves()
    {
        var permanent = SeededRuleSets.Permanent();
        ProgrammeRuleSet.EndProgramme([permanent], LastDay, null);

        ProgrammeRuleSet.EndProgramme([permanent], Day("2026-03-31"), null);

        permanent.ValidUntil.ShouldBe(Day("2026-03-31"));
    }

    [Fact]
    public void Withdrawing_the_end_leaves_the_latest_rule_set_open_ended()
    {
        ProgrammeRuleSet[] ruleSets = [SeededRuleSets.Pilot(), SeededRuleSets.Permanent()];
        ProgrammeRuleSet.EndProgramme(ruleSets, LastDay, null);

        var reopened = ProgrammeRuleSet.WithdrawProgrammeEnd(ruleSets);

        reopened.Code.ShouldBe(SeededRuleSets.PermanentCode);
        ProgrammeRuleSet.ProgrammeEnd(ruleSets).ShouldBeNull();
        ProgrammeRuleSet.InForceOn(ruleSets, Day("2026-06-17"))!.Code.ShouldBe(SeededRuleSets.PermanentCode);
    }

    [Fact]
    public void Withdrawing_an_end_that_was_never_set_is_refused()
    {
        Should.Throw<DomainException>(() => ProgrammeRuleSet.WithdrawProgrammeEnd(SeededRuleSets.All())).Message
            .ShouldBe("Für das Programm ist kein Ende eingetragen; es gibt nichts zurückzunehmen.");
    }

    [Fact]
    public void A_successor_added_later_starts_after_the_end_and_the_gap_has_no_rules()
    {
        var permanent = SeededRuleSets.Permanent();
        ProgrammeRuleSet.EndProgramme([permanent], LastDay, null);
        var successor = new ProgrammeRuleSet("NEST-2027", "NesT Neuauflage", Day("2027-01-01"), null, 4, 2, true, 12, 0, 12, "Basisschulung");

        ProgrammeRuleSet.AddSuccessor([permanent], successor, lastSubmissionUnderLatest: Day("2025-11-03"));
        ProgrammeRuleSet[] ruleSets = [permanent, successor];

        permanent.ValidUntil.ShouldBe(LastDay, "the end stays where it was");
        ProgrammeRuleSet.InForceOn(ruleSets, Day("2026-06-17")).ShouldBeNull();
        ProgrammeRuleSet.InForceOn(ruleSets, Day("2027-01-01"))!.Code.ShouldBe("NEST-2027");
        ProgrammeRuleSet.ProgrammeEnd(ruleSets).ShouldBeNull("the successor runs open-ended");
        new GroupBuilder().ReadyToSubmit().Build()
            .CheckSubmission(null, Day("2026-06-17"), ProgrammeRuleSet.ProgrammeEnd(ruleSets)).Single().Format()
            .ShouldBe("Am 17.06.2026 gelten keine Programmregeln; eine Einreichung ist an diesem Tag nicht möglich.");
    }
}
