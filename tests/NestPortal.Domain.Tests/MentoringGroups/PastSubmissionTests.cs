using NestPortal.Domain.Common;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Programme;
using NestPortal.Domain.Tests.Builders;
using static NestPortal.Domain.Tests.Builders.Dates;

namespace NestPortal.Domain.Tests.MentoringGroups;

/// <summary>
/// A submission taken over from history (docs/import.md, "History is fact"): the facts stay errors, the
/// rules of the decision made then come back as warnings and do not stop it.
/// </summary>
public class PastSubmissionTests
{
    private static readonly DateOnly PilotDay = Day("2021-03-01");
    private static readonly DateOnly Today = Day("2026-06-17");
    private static ProgrammeRuleSet Pilot => TestRuleSets.InForceOn(PilotDay)!;

    [Fact]
    public void A_pilot_group_with_four_members_is_recorded_as_submitted_with_a_warning()
    {
        var group = new GroupBuilder().ReadyToSubmit(4).Build();

        var warnings = group.RecordPastSubmission(Pilot, PilotDay, Today, GroupBuilder.Staff, GroupBuilder.Now);

        group.Status.ShouldBe(GroupStatus.Submitted);
        group.SubmittedOn.ShouldBe(PilotDay);
        warnings.Select(w => w.Format()).ShouldHaveSingleItem()
            .ShouldBe("Die Gruppe hat 4 Mitglieder; nach den Regeln „NesT Pilotphase“ braucht sie mindestens 5.");
    }

    [Fact]
    public void Training_and_rules_not_in_force_are_warnings_too()
    {
        var group = new GroupBuilder().ReadyToSubmit()
            .WithMember(MemberDetails.Person("Jana", "Kurz", "jana.kurz@example.org", Day("1990-02-03"), trainingDate: null))
            .Build();
        var permanent = TestRuleSets.InForceOn(Day("2023-03-01"))!;

        var warnings = group.RecordPastSubmission(permanent, PilotDay, Today, GroupBuilder.Staff, GroupBuilder.Now).Select(w => w.Format()).ToList();

        warnings.ShouldContain("Die Regeln „NesT Regelprogramm“ gelten am 01.03.2021 nicht.");
        warnings.ShouldContain(w => w.StartsWith("Für Jana Kurz ist keine abgeschlossene Schulung", StringComparison.Ordinal));
        group.Status.ShouldBe(GroupStatus.Submitted);
    }

    [Fact]
    public void A_missing_support_plan_or_a_shared_email_stays_an_error()
    {
        var group = new GroupBuilder().WithMembers(5).WithMainContacts(2).Trained().Build();

        var errors = Should.Throw<DomainException>(() => group.RecordPastSubmission(Pilot, PilotDay, Today, GroupBuilder.Staff, GroupBuilder.Now))
            .Errors.Select(e => e.Format());

        errors.ShouldBe(["Der Unterstützungsplan fehlt."]);
        group.Status.ShouldBe(GroupStatus.Draft);
    }

    [Fact]
    public void A_submission_in_the_future_is_refused()
    {
        var group = new GroupBuilder().ReadyToSubmit().Build();

        Should.Throw<DomainException>(() => group.RecordPastSubmission(Pilot, Today.AddDays(1), Today, GroupBuilder.Staff, GroupBuilder.Now));
    }

    [Fact]
    public void The_portal_submission_still_refuses_what_the_import_only_warns_about()
    {
        var group = new GroupBuilder().ReadyToSubmit(4).Build();

        group.CheckSubmission(Pilot, PilotDay).Select(e => e.Format()).ShouldBe(group.CheckSubmissionDecision(Pilot, PilotDay).Select(e => e.Format()));
        Should.Throw<DomainException>(() => group.Submit(Pilot, PilotDay, GroupBuilder.Actor, GroupBuilder.Now));
    }
}
