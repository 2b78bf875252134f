using NestPortal.Domain.Common;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Programme;
using NestPortal.Domain.Tests.Builders;
using static NestPortal.Domain.Tests.Builders.Dates;

namespace NestPortal.Domain.Tests.MentoringGroups;

/// <summary>Early departures (KA 5514, answer 4): members leaving, new main contacts, staffing warnings, dissolution.</summary>
public class DeparturesTests
{
    private static readonly DateOnly SubmissionDay = Day("2022-09-01");
    private static readonly DateOnly Today = Day("2023-03-15");
    private static readonly Actor Mentor = GroupBuilder.Actor;
    private static readonly Actor Staff = GroupBuilder.Staff;
    private static readonly DateTime Now = new(2023, 3, 15, 10, 0, 0, DateTimeKind.Utc);
    private static readonly ProgrammeRuleSet Rules = TestRuleSets.Permanent();

    /// <summary>Four members (the permanent programme's minimum), the first two main contacts, ids 1..4 as saved.</summary>
    private static MentoringGroup Approved()
    {
        var group = new GroupBuilder().ReadyToSubmit(4).MembersAddedOn(Day("2022-08-01")).Build();
        var id = 1;
        foreach (var member in group.Members.OrderBy(m => m.Email)) EntityIds.Assign(member, id++);
        group.Submit(Rules, SubmissionDay, Mentor, Now);
        group.RecordSecurityCheck(SubmissionDay, SecurityCheckResult.Passed, SubmissionDay, Staff, Now);
        group.Approve(Staff, Now);
        return group;
    }

    [Fact]
    public void A_member_leaving_stays_on_record_and_the_group_is_warned_until_a_replacement_joins()
    {
        var group = Approved();
        group.StaffingWarnings(Rules).ShouldBeEmpty();

        group.RecordMemberLeaving(4, Day("2023-03-01"), "  Umzug nach Hamburg ", Today, Mentor, Now);

        var left = group.FindMember(4);
        left.LeftOn.ShouldBe(Day("2023-03-01"));
        left.LeavingReason.ShouldBe("Umzug nach Hamburg");
        group.Members.Count.ShouldBe(4);
        group.ActiveMembers.Count().ShouldBe(3);
        group.History.Last().Action.ShouldBe(GroupAction.MemberLeft);
        group.StaffingWarnings(Rules).Single().Format().ShouldBe(
            "Die Gruppe hat nur noch 3 aktive Mitglieder; nach den Regeln „NesT Regelprogramm“ braucht sie mindestens 4. Bitte nehmen Sie ein neues Mitglied auf.");

        group.AddMember(GroupBuilder.PersonDetails(9, Day("2023-02-01")), Rules, Today, Mentor, Now);

        group.StaffingWarnings(Rules).ShouldBeEmpty();
    }

    [Fact]
    public void A_replacement_may_reuse_the_email_of_a_member_who_left()
    {
        var group = Approved();
        group.RecordMemberLeaving(4, Today, "Umzug", Today, Mentor, Now);

        group.AddMember(GroupBuilder.PersonDetails(4, Day("2023-02-01")), Rules, Today, Mentor, Now);

        group.ActiveMembers.Count().ShouldBe(4);
    }

    [Fact]
    public void A_main_contact_leaving_is_warned_until_another_member_is_appointed()
    {
        var group = Approved();
        group.RecordMemberLeaving(1, Today, "Umzug", Today, Mentor, Now);
        group.StaffingWarnings(Rules).Select(w => w.Format()).ShouldBe(
        [
            "Die Gruppe hat nur noch 3 aktive Mitglieder; nach den Regeln „NesT Regelprogramm“ braucht sie mindestens 4. Bitte nehmen Sie ein neues Mitglied auf.",
            "Es gibt nur noch 1 Hauptansprechperson; die Gruppe braucht 2. Bitte benennen Sie eine neue.",
        ]);

        group.AppointMainContact(3, Rules, Mentor, Now);

        group.FindMember(3).IsActiveMainContact.ShouldBeTrue();
        group.ActiveMainContactCount.ShouldBe(2);
        group.History.Last().Action.ShouldBe(GroupAction.MainContactAppointed);
        group.StaffingWarnings(Rules).Count.ShouldBe(1, "the member is still missing");
    }

    [Fact]
    public void Leaving_twice_in_the_future_or_without_a_reason_names_every_problem_and_changes_nothing()
    {
        var group = Approved();
        group.RecordMemberLeaving(4, Day("2023-03-01"), "Umzug", Today, Mentor, Now);
        var stamp = group.ConcurrencyStamp;

        var exception = Should.Throw<DomainException>(() => group.RecordMemberLeaving(4, Today.AddDays(1), " ", Today, Mentor, Now));

        exception.Errors.Select(e => e.Format()).ShouldBe(
        [
            $"{GroupBuilder.DisplayNameOf(4)} ist bereits am 01.03.2023 ausgeschieden.",
            "Das Datum (16.03.2023) liegt in der Zukunft.",
            "Bitte geben Sie einen Grund an (höchstens 500 Zeichen).",
        ]);
        group.FindMember(4).LeftOn.ShouldBe(Day("2023-03-01"));
        group.ConcurrencyStamp.ShouldBe(stamp);
    }

    [Fact]
    public void A_date_before_the_submission_is_refused()
    {
        var group = Approved();

        Should.Throw<DomainException>(() => group.RecordMemberLeaving(4, SubmissionDay.AddDays(-1), "Umzug", Today, Mentor, Now))
            .Message.ShouldBe("Das Datum (31.08.2022) liegt vor der Einreichung der Gruppe (01.09.2022).");
    }

    [Fact]
    public void A_draft_removes_members_instead_of_recording_a_departure()
    {
        var group = new GroupBuilder().ReadyToSubmit(4).Build();
        EntityIds.Assign(group.Members.First(), 1);

        Should.Throw<DomainException>(() => group.RecordMemberLeaving(1, GroupBuilder.DefaultMembersAddedOn, "Umzug", Today, Mentor, Now))
            .Message.ShouldBe("Ein Ausscheiden wird nur für freigegebene Gruppen erfasst; vorher entfernen Sie das Mitglied einfach.");
    }

    [Fact]
    public void No_main_contact_is_appointed_beyond_the_rules_nor_from_members_who_left()
    {
        var group = Approved();
        group.RecordMemberLeaving(4, Today, "Umzug", Today, Mentor, Now);

        Should.Throw<DomainException>(() => group.AppointMainContact(3, Rules, Mentor, Now))
            .Message.ShouldBe("Es gibt schon 2 Hauptansprechpersonen.");
        Should.Throw<DomainException>(() => group.AppointMainContact(4, Rules, Mentor, Now))
            .Message.ShouldBe($"{GroupBuilder.DisplayNameOf(4)} ist ausgeschieden und kann keine Hauptansprechperson werden.");
        Should.Throw<DomainException>(() => group.AppointMainContact(1, Rules, Mentor, Now))
            .Message.ShouldBe($"{GroupBuilder.DisplayNameOf(1)} ist bereits Hauptansprechperson.");
        group.ActiveMainContactCount.ShouldBe(2);
    }

    [Fact]
    public void A_dissolved_group_keeps_its_date_and_reason_and_shows_no_staffing_warnings()
    {
        var group = Approved();
        group.RecordMemberLeaving(1, Today, "Umzug", Today, Mentor, Now);

        group.Dissolve(Today, " Zu wenige Mitglieder ", Today, Staff, Now);

        group.Status.ShouldBe(GroupStatus.Dissolved);
        group.DissolvedOn.ShouldBe(Today);
        group.DissolutionReason.ShouldBe("Zu wenige Mitglieder");
        group.History.Last().Action.ShouldBe(GroupAction.Dissolved);
        group.StaffingWarnings(Rules).ShouldBeEmpty();
        Should.Throw<DomainException>(() => group.Dissolve(Today, "noch einmal", Today, Staff, Now))
            .Message.ShouldBe("Nur eine freigegebene Gruppe kann aufgelöst werden.");
    }

    [Fact]
    public void Only_an_approved_group_dissolves_and_not_in_the_future()
    {
        var draft = new GroupBuilder().ReadyToSubmit(4).Build();
        Should.Throw<DomainException>(() => draft.Dissolve(Today, "Grund", Today, Staff, Now))
            .Message.ShouldBe("Nur eine freigegebene Gruppe kann aufgelöst werden.");

        var group = Approved();
        Should.Throw<DomainException>(() => group.Dissolve(Today.AddDays(3), "", Today, Staff, Now)).Errors.Count.ShouldBe(2);
        group.Status.ShouldBe(GroupStatus.Approved);
        group.DissolvedOn.ShouldBeNull();
    }

    [Fact]
    public void A_member_who_left_no_longer_reaches_the_group_even_as_its_creator()
    {
        var group = Approved();
        var leaving = group.FindMember(4);
        group.IsAccessibleTo("someone-else", leaving.Email).ShouldBeTrue();

        group.RecordMemberLeaving(4, Day("2023-03-01"), "Umzug", Today, Mentor, Now);

        group.IsAccessibleTo("someone-else", leaving.Email.ToUpperInvariant()).ShouldBeFalse();
        group.IsAccessibleTo(group.CreatedByUserId, leaving.Email).ShouldBeFalse();
        group.IsAccessibleTo("someone-else", group.FindMember(1).Email).ShouldBeTrue();
    }
}
