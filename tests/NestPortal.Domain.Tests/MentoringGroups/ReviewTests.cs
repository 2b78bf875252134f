using NestPortal.Domain.Common;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Programme;
using NestPortal.Domain.Tests.Builders;
using static NestPortal.Domain.Tests.Builders.Dates;

namespace NestPortal.Domain.Tests.MentoringGroups;

public class ReviewTests
{
    private static readonly DateOnly SubmissionDay = Day("2022-09-01");
    private static readonly DateOnly ReviewDay = Day("2022-09-20");
    private static readonly Actor Mentor = GroupBuilder.Actor;
    private static readonly Actor Staff = GroupBuilder.Staff;
    private static readonly DateTime ReviewedAt = new(2022, 9, 20, 11, 0, 0, DateTimeKind.Utc);

    private const string NotAcceptedWithoutPassedCheck =
        "Eine Gruppe kann erst nach einer Sicherheitsüberprüfung ohne Bedenken freigegeben werden.";

    [Fact]
    public void A_group_goes_from_draft_through_submission_and_security_check_to_approval()
    {
        var group = new GroupBuilder().ReadyToSubmit(4).Build();
        group.Status.ShouldBe(GroupStatus.Draft);

        group.Submit(Rules(), SubmissionDay, Mentor, GroupBuilder.Now);
        group.Status.ShouldBe(GroupStatus.Submitted);

        group.RecordSecurityCheck(Day("2022-09-15"), SecurityCheckResult.Passed, ReviewDay, Staff, ReviewedAt);
        group.Status.ShouldBe(GroupStatus.Submitted);
        group.SecurityCheckDate.ShouldBe(Day("2022-09-15"));
        group.SecurityCheckResult.ShouldBe(SecurityCheckResult.Passed);

        group.Approve(Staff, ReviewedAt);
        group.Status.ShouldBe(GroupStatus.Approved);
        group.IsEditableByGroup.ShouldBeFalse();

        group.History.TakeLast(3).Select(h => (h.Action, h.ActorName, h.Details)).ShouldBe(
        [
            (GroupAction.Submitted, Mentor.Name, "NesT Regelprogramm"),
            (GroupAction.SecurityCheckRecorded, Staff.Name, "ohne Bedenken"),
            (GroupAction.Approved, Staff.Name, null),
        ]);
    }

    [Fact]
    public void A_group_cannot_be_approved_without_a_security_check()
    {
        var group = Submitted();

        var exception = Should.Throw<DomainException>(() => group.Approve(Staff, ReviewedAt));

        exception.Message.ShouldBe(NotAcceptedWithoutPassedCheck);
        group.Status.ShouldBe(GroupStatus.Submitted);
    }

    [Fact]
    public void A_group_cannot_be_approved_after_a_failed_security_check()
    {
        var group = Submitted();
        group.RecordSecurityCheck(Day("2022-09-15"), SecurityCheckResult.Failed, ReviewDay, Staff, ReviewedAt);

        var exception = Should.Throw<DomainException>(() => group.Approve(Staff, ReviewedAt));

        exception.Message.ShouldBe(NotAcceptedWithoutPassedCheck);
        group.Status.ShouldBe(GroupStatus.Submitted);
        group.History.Last().Details.ShouldBe("mit Bedenken");
    }

    [Fact]
    public void A_corrected_security_check_replaces_the_earlier_result()
    {
        var group = Submitted();
        group.RecordSecurityCheck(Day("2022-09-10"), SecurityCheckResult.Failed, ReviewDay, Staff, ReviewedAt);

        group.RecordSecurityCheck(Day("2022-09-15"), SecurityCheckResult.Passed, ReviewDay, Staff, ReviewedAt);
        group.Approve(Staff, ReviewedAt);

        group.Status.ShouldBe(GroupStatus.Approved);
        group.SecurityCheckDate.ShouldBe(Day("2022-09-15"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n\t")]
    public void Returning_a_group_requires_remarks(string remarks)
    {
        var group = Submitted();
        group.RecordSecurityCheck(Day("2022-09-15"), SecurityCheckResult.Passed, ReviewDay, Staff, ReviewedAt);

        var exception = Should.Throw<DomainException>(() => group.ReturnForChanges(remarks, Staff, ReviewedAt));

        exception.Message.ShouldBe("Bitte schreiben Sie der Gruppe, was sie ändern soll.");
        group.Status.ShouldBe(GroupStatus.Submitted);
        group.SecurityCheckResult.ShouldBe(SecurityCheckResult.Passed);
    }

    [Fact]
    public void A_returned_group_gets_the_remarks_and_keeps_its_security_check()
    {
        var group = Submitted();
        group.RecordSecurityCheck(Day("2022-09-15"), SecurityCheckResult.Passed, ReviewDay, Staff, ReviewedAt);

        group.ReturnForChanges("  Bitte den Unterstützungsplan um die Schulanmeldung ergänzen.  ", Staff, ReviewedAt);

        group.Status.ShouldBe(GroupStatus.Returned);
        group.IsEditableByGroup.ShouldBeTrue();
        group.ReviewRemarks.ShouldBe("Bitte den Unterstützungsplan um die Schulanmeldung ergänzen.");
        // The check is about the persons: a return for the plan keeps it (it was lost before, silently).
        group.SecurityCheckDate.ShouldBe(Day("2022-09-15"));
        group.SecurityCheckResult.ShouldBe(SecurityCheckResult.Passed);
        var entry = group.History.Last();
        entry.Action.ShouldBe(GroupAction.Returned);
        entry.ActorName.ShouldBe(Staff.Name);
        entry.Details.ShouldBe("Bitte den Unterstützungsplan um die Schulanmeldung ergänzen.");
    }

    [Fact]
    public void A_returned_group_can_be_edited_and_resubmitted_and_is_then_reviewed_afresh()
    {
        var group = Submitted();
        group.RecordSecurityCheck(Day("2022-09-15"), SecurityCheckResult.Passed, ReviewDay, Staff, ReviewedAt);
        group.ReturnForChanges("Bitte ein fünftes Mitglied für die Schulbegleitung gewinnen.", Staff, ReviewedAt);

        var added = group.AddMember(GroupBuilder.PersonDetails(5, trainingDate: Day("2022-10-01")), Rules(), Day("2022-10-02"), Mentor, GroupBuilder.Now);
        GroupBuilder.AssignIds(group);
        // A new person needs BAMF's check: the one recorded is cleared, and the history says so.
        group.SecurityCheckDate.ShouldBeNull();
        group.History.Last().Action.ShouldBe(GroupAction.SecurityCheckCleared);
        group.ChangeMember(added.Id, GroupBuilder.PersonDetails(5, trainingDate: Day("2022-10-01")) with { Phone = "0234 55555" },
            Rules(), Day("2022-10-02"), Mentor, GroupBuilder.Now);
        // The new member states their own details before the group can go back (ADR 0028).
        group.ConfirmOwnDetails(added.Id, GroupBuilder.PersonDetails(5, trainingDate: Day("2022-10-01")) with { Phone = "0234 55555" },
            Rules(), Day("2022-10-02"), new Actor("member-5", GroupBuilder.DisplayNameOf(5)), GroupBuilder.Now);
        group.ChangeDetails(group.Name, group.HomeMunicipalityAgs, "Neuer Plan mit Schulbegleitung.", Mentor, GroupBuilder.Now);
        group.Submit(Rules(), Day("2022-10-05"), Mentor, GroupBuilder.Now);

        group.Status.ShouldBe(GroupStatus.Submitted);
        group.SubmittedOn.ShouldBe(Day("2022-10-05"));
        group.Members.Count.ShouldBe(5);
        group.SupportPlan.ShouldBe("Neuer Plan mit Schulbegleitung.");
        group.History.Count(h => h.Action == GroupAction.Submitted).ShouldBe(2);

        Should.Throw<DomainException>(() => group.Approve(Staff, ReviewedAt)).Message.ShouldBe(NotAcceptedWithoutPassedCheck);
        group.RecordSecurityCheck(Day("2022-10-06"), SecurityCheckResult.Passed, Day("2022-10-07"), Staff, ReviewedAt);
        group.Approve(Staff, ReviewedAt);
        group.Status.ShouldBe(GroupStatus.Approved);
        group.ReviewRemarks.ShouldBeNull();
    }

    [Fact]
    public void A_returned_group_is_checked_against_the_rules_again_when_resubmitted()
    {
        var group = Submitted();
        group.ReturnForChanges("Bitte Hauptansprechpersonen prüfen.", Staff, ReviewedAt);
        var mainContact = GroupBuilder.Member(group, GroupBuilder.DisplayNameOf(1));
        group.ChangeMember(mainContact.Id, GroupBuilder.PersonDetails(1, GroupBuilder.DefaultTrainingDate, isMainContact: false),
            Rules(), Day("2022-10-02"), Mentor, GroupBuilder.Now);

        var exception = Should.Throw<DomainException>(() => group.Submit(Rules(), Day("2022-10-05"), Mentor, GroupBuilder.Now));

        exception.Errors.ShouldHaveSingleItem().Format().ShouldBe("Es ist 1 Hauptansprechperson markiert; die Gruppe braucht genau 2.");
        group.Status.ShouldBe(GroupStatus.Returned);
    }

    [Fact]
    public void A_security_check_dated_in_the_future_is_refused()
    {
        var group = Submitted();

        var exception = Should.Throw<DomainException>(
            () => group.RecordSecurityCheck(Day("2022-09-21"), SecurityCheckResult.Passed, ReviewDay, Staff, ReviewedAt));

        exception.Message.ShouldBe("Das Datum der Sicherheitsüberprüfung (21.09.2022) liegt in der Zukunft.");
        group.SecurityCheckResult.ShouldBeNull();
        group.SecurityCheckDate.ShouldBeNull();
    }

    [Fact]
    public void A_security_check_dated_today_is_accepted()
    {
        var group = Submitted();

        group.RecordSecurityCheck(ReviewDay, SecurityCheckResult.Passed, ReviewDay, Staff, ReviewedAt);

        group.SecurityCheckDate.ShouldBe(ReviewDay);
    }

    [Theory]
    [InlineData("2021-08-31", false)]
    [InlineData("2021-09-01", true)]
    public void A_security_check_may_be_at_most_a_year_older_than_the_submission(string checkedOn, bool accepted)
    {
        var group = Submitted();

        void Record() => group.RecordSecurityCheck(Day(checkedOn), SecurityCheckResult.Passed, ReviewDay, Staff, ReviewedAt);

        if (accepted)
        {
            Record();
            group.SecurityCheckDate.ShouldBe(Day(checkedOn));
        }
        else
        {
            Should.Throw<DomainException>(Record).Message
                .ShouldBe($"Das Datum der Sicherheitsüberprüfung ({Day(checkedOn):dd.MM.yyyy}) liegt mehr als ein Jahr vor der Einreichung.");
            group.SecurityCheckDate.ShouldBeNull();
        }
    }

    [Theory]
    [InlineData(GroupStatus.Draft, "check", "Die Sicherheitsüberprüfung kann nur für eingereichte Gruppen erfasst werden.")]
    [InlineData(GroupStatus.Returned, "check", "Die Sicherheitsüberprüfung kann nur für eingereichte Gruppen erfasst werden.")]
    [InlineData(GroupStatus.Approved, "check", "Die Sicherheitsüberprüfung kann nur für eingereichte Gruppen erfasst werden.")]
    [InlineData(GroupStatus.Draft, "approve", "Nur eingereichte Gruppen können freigegeben werden.")]
    [InlineData(GroupStatus.Returned, "approve", "Nur eingereichte Gruppen können freigegeben werden.")]
    [InlineData(GroupStatus.Approved, "approve", "Nur eingereichte Gruppen können freigegeben werden.")]
    [InlineData(GroupStatus.Draft, "return", "Nur eingereichte Gruppen können zurückgegeben werden.")]
    [InlineData(GroupStatus.Returned, "return", "Nur eingereichte Gruppen können zurückgegeben werden.")]
    [InlineData(GroupStatus.Approved, "return", "Nur eingereichte Gruppen können zurückgegeben werden.")]
    [InlineData(GroupStatus.Submitted, "submit", "Die Gruppe ist eingereicht und kann erst wieder bearbeitet werden, wenn das Kompetenzzentrum sie zurückgibt.")]
    [InlineData(GroupStatus.Approved, "submit", "Die Gruppe ist eingereicht und kann erst wieder bearbeitet werden, wenn das Kompetenzzentrum sie zurückgibt.")]
    public void An_action_on_a_group_in_the_wrong_status_is_refused_and_changes_nothing(GroupStatus status, string action, string expectedMessage)
    {
        var group = InStatus(status);
        var stampBefore = group.ConcurrencyStamp;
        var historyBefore = group.History.Count;

        var exception = Should.Throw<DomainException>(() => Perform(group, action));

        exception.Message.ShouldBe(expectedMessage);
        group.Status.ShouldBe(status);
        group.History.Count.ShouldBe(historyBefore);
        group.ConcurrencyStamp.ShouldBe(stampBefore);
    }

    [Theory]
    [InlineData(GroupStatus.Draft, "submit", GroupAction.Submitted, GroupStatus.Submitted)]
    [InlineData(GroupStatus.Returned, "submit", GroupAction.Submitted, GroupStatus.Submitted)]
    [InlineData(GroupStatus.Submitted, "check", GroupAction.SecurityCheckRecorded, GroupStatus.Submitted)]
    [InlineData(GroupStatus.Submitted, "return", GroupAction.Returned, GroupStatus.Returned)]
    [InlineData(GroupStatus.Submitted, "approve", GroupAction.Approved, GroupStatus.Approved)]
    public void Each_transition_is_recorded_with_who_did_it_and_a_new_concurrency_stamp(
        GroupStatus from, string action, GroupAction expectedAction, GroupStatus expectedStatus)
    {
        var group = InStatus(from);
        if (action == "approve")
            group.RecordSecurityCheck(ReviewDay, SecurityCheckResult.Passed, ReviewDay, Staff, ReviewedAt);
        var stampBefore = group.ConcurrencyStamp;
        var historyBefore = group.History.Count;
        var actor = new Actor("kfi-olga", "Olga Ott (KfI)");
        var at = new DateTime(2022, 10, 10, 8, 15, 0, DateTimeKind.Utc);

        Perform(group, action, actor, at);

        group.Status.ShouldBe(expectedStatus);
        group.History.Count.ShouldBe(historyBefore + 1);
        var entry = group.History.Last();
        entry.Action.ShouldBe(expectedAction);
        entry.ActorUserId.ShouldBe("kfi-olga");
        entry.ActorName.ShouldBe("Olga Ott (KfI)");
        entry.OccurredAtUtc.ShouldBe(at);
        group.ConcurrencyStamp.ShouldNotBe(stampBefore);
    }

    [Fact]
    public void The_concurrency_stamp_changes_with_every_command()
    {
        var group = MentoringGroup.Register("Willkommen in Hagen", GroupBuilder.Bochum, Mentor, GroupBuilder.Now);
        var stamps = new List<Guid> { group.ConcurrencyStamp };
        void Then(Action command)
        {
            command();
            stamps.Add(group.ConcurrencyStamp);
        }

        var rules = Rules();
        var today = SubmissionDay;
        for (var number = 1; number <= 5; number++)
            Then(() => group.AddMember(GroupBuilder.PersonDetails(number, Day("2022-08-01"), isMainContact: number <= 2), rules, today, Mentor, GroupBuilder.Now));
        GroupBuilder.AssignIds(group);
        foreach (var member in group.Members.ToList())
        {
            Then(() => group.InviteMember(member.Id, $"hash-{member.Id}", Mentor, GroupBuilder.Now));
            Then(() => group.ConfirmOwnDetails(member.Id, GroupBuilder.PersonDetails(member.Id, Day("2022-08-01")), rules, today, Mentor, GroupBuilder.Now));
        }

        var fifth = GroupBuilder.Member(group, GroupBuilder.DisplayNameOf(5));
        Then(() => group.ChangeMember(fifth.Id, GroupBuilder.PersonDetails(5, Day("2022-08-01")) with { Phone = "0" }, rules, today, Mentor, GroupBuilder.Now));
        Then(() => group.RemoveMember(fifth.Id, Mentor, GroupBuilder.Now));
        Then(() => group.ChangeDetails("Willkommen in Hagen", GroupBuilder.Bochum, "Plan", Mentor, GroupBuilder.Now));
        Then(() => group.Submit(rules, today, Mentor, GroupBuilder.Now));
        Then(() => group.RecordSecurityCheck(ReviewDay, SecurityCheckResult.Failed, ReviewDay, Staff, ReviewedAt));
        Then(() => group.ReturnForChanges("Bitte Rücksprache halten.", Staff, ReviewedAt));
        Then(() => group.ChangeDetails("Willkommen in Hagen", GroupBuilder.Bochum, "Plan, ergänzt", Mentor, GroupBuilder.Now));
        Then(() => group.Submit(rules, ReviewDay, Mentor, GroupBuilder.Now));
        Then(() => group.RecordSecurityCheck(ReviewDay, SecurityCheckResult.Passed, ReviewDay, Staff, ReviewedAt));
        Then(() => group.Approve(Staff, ReviewedAt));

        stamps.ShouldNotContain(Guid.Empty);
        stamps.Distinct().Count().ShouldBe(stamps.Count);
        group.Status.ShouldBe(GroupStatus.Approved);
        group.History.Count.ShouldBe(stamps.Count);
    }

    private static ProgrammeRuleSet Rules() => TestRuleSets.InForceOn(SubmissionDay)!;

    private static MentoringGroup Submitted() => new GroupBuilder().ReadyToSubmit(4).Submitted(Rules(), SubmissionDay);

    private static MentoringGroup InStatus(GroupStatus status)
    {
        if (status == GroupStatus.Draft) return new GroupBuilder().ReadyToSubmit(4).Build();
        var group = Submitted();
        switch (status)
        {
            case GroupStatus.Returned:
                group.ReturnForChanges("Bitte ergänzen.", Staff, ReviewedAt);
                break;
            case GroupStatus.Approved:
                group.RecordSecurityCheck(ReviewDay, SecurityCheckResult.Passed, ReviewDay, Staff, ReviewedAt);
                group.Approve(Staff, ReviewedAt);
                break;
        }

        group.Status.ShouldBe(status);
        return group;
    }

    private static void Perform(MentoringGroup group, string action, Actor? actor = null, DateTime? at = null)
    {
        var who = actor ?? Staff;
        var when = at ?? ReviewedAt;
        switch (action)
        {
            case "submit":
                group.Submit(Rules(), ReviewDay, who, when);
                break;
            case "check":
                group.RecordSecurityCheck(ReviewDay, SecurityCheckResult.Passed, ReviewDay, who, when);
                break;
            case "approve":
                group.Approve(who, when);
                break;
            case "return":
                group.ReturnForChanges("Bitte ergänzen.", who, when);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }
}
