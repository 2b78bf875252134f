using NestPortal.Domain.Common;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Programme;
using NestPortal.Domain.Tests.Builders;
using static NestPortal.Domain.Tests.Builders.Dates;

namespace NestPortal.Domain.Tests.MentoringGroups;

/// <summary>Members confirm their own details (ADR 0028): who starts unconfirmed, what confirming takes, and the submission rule.</summary>
public class MemberConfirmationTests
{
    private static readonly DateOnly Today = Day("2022-09-01");
    private static readonly DateTime Now = GroupBuilder.Now;
    private static readonly Actor MainContact = GroupBuilder.Actor;
    private static readonly Actor Jana = new("jana-account", "Jana Kurz");
    private static readonly TimeSpan Fortnight = TimeSpan.FromDays(14);

    private static ProgrammeRuleSet Permanent() => TestRuleSets.InForceOn(Today)!;

    private static MemberDetails JanaDetails(string? phone = null) =>
        MemberDetails.Person("Jana", "Kurz", "jana@example.org", Day("1990-02-03"), Day("2022-08-01"), phone: phone);

    /// <summary>A group that meets every rule, plus Jana, added by the main contact (so unconfirmed).</summary>
    private static (MentoringGroup Group, Mentor Jana) GroupWithJana()
    {
        var group = new GroupBuilder().ReadyToSubmit(members: 4).Build();
        group.AddMember(JanaDetails(), Permanent(), Today, MainContact, Now);
        GroupBuilder.AssignIds(group);
        return (group, GroupBuilder.Member(group, "Jana Kurz"));
    }

    [Fact]
    public void A_member_added_by_someone_else_starts_unconfirmed_and_ones_own_entry_or_records_count_as_confirmed()
    {
        var group = new GroupBuilder().Build();

        var byGroup = group.AddMember(JanaDetails(), Permanent(), Today, MainContact, Now);
        var own = group.AddMember(MemberDetails.Person("Erika", "Mustermann", "erika@example.org", Day("1970-01-01")), Permanent(), Today, MainContact, Now, MemberStatement.Own);
        var recorded = group.AddMember(MemberDetails.Person("Paul", "Alt", "paul@example.org", Day("1960-01-01")), Permanent(), Today, MainContact, Now, MemberStatement.FromRecords);

        byGroup.IsConfirmed.ShouldBeFalse();
        own.IsConfirmed.ShouldBeTrue();
        own.ConfirmedAtUtc.ShouldBe(Now);
        recorded.IsConfirmed.ShouldBeTrue();
        recorded.ConfirmedAtUtc.ShouldBeNull();
        group.UnconfirmedMembers.ShouldHaveSingleItem().ShouldBeSameAs(byGroup);
    }

    [Fact]
    public void Submission_is_refused_while_a_member_has_not_confirmed_naming_them()
    {
        var (group, _) = GroupWithJana();

        var exception = Should.Throw<DomainException>(() => group.Submit(Permanent(), Today, MainContact, Now));

        exception.Errors.Select(e => e.Format()).ShouldBe(
            ["Noch nicht bestätigt: Jana Kurz. Jedes Mitglied bestätigt seine Angaben über den Link in seiner Einladung."]);
        group.Status.ShouldBe(GroupStatus.Draft);
    }

    [Fact]
    public void The_member_confirms_with_corrections_the_invitation_is_used_up_and_the_group_can_be_submitted()
    {
        var (group, jana) = GroupWithJana();
        group.InviteMember(jana.Id, "hash-1", MainContact, Now);
        jana.HoldsInvitation("hash-1", Now.AddDays(1), Fortnight).ShouldBeTrue();

        group.ConfirmOwnDetails(jana.Id, JanaDetails(phone: "0231 12345") with { GivenName = "Janina", Email = "other@example.org", IsMainContact = true },
            Permanent(), Today, Jana, Now.AddHours(1));

        jana.IsConfirmed.ShouldBeTrue();
        jana.ConfirmedAtUtc.ShouldBe(Now.AddHours(1));
        jana.GivenName.ShouldBe("Janina");
        jana.Phone.ShouldBe("0231 12345");
        // The address is the account's and the mark the group's decision: neither changes here.
        jana.Email.ShouldBe("jana@example.org");
        jana.IsMainContact.ShouldBeFalse();
        jana.HoldsInvitation("hash-1", Now.AddHours(2), Fortnight).ShouldBeFalse();
        group.History.Last().Action.ShouldBe(GroupAction.MemberConfirmed);
        group.Submit(Permanent(), Today, MainContact, Now);
        group.Status.ShouldBe(GroupStatus.Submitted);
    }

    [Fact]
    public void A_new_invitation_replaces_the_old_one_and_an_invitation_expires()
    {
        var (group, jana) = GroupWithJana();
        group.InviteMember(jana.Id, "hash-1", MainContact, Now);

        group.InviteMember(jana.Id, "hash-2", MainContact, Now.AddDays(3));

        jana.HoldsInvitation("hash-1", Now.AddDays(4), Fortnight).ShouldBeFalse();
        jana.HoldsInvitation("hash-2", Now.AddDays(4), Fortnight).ShouldBeTrue();
        jana.HoldsInvitation("hash-2", Now.AddDays(3) + Fortnight, Fortnight).ShouldBeFalse();
    }

    [Fact]
    public void Corrections_that_break_a_rule_are_refused_and_leave_the_member_unconfirmed()
    {
        var (group, jana) = GroupWithJana();

        var exception = Should.Throw<DomainException>(() => group.ConfirmOwnDetails(jana.Id,
            JanaDetails() with { DateOfBirth = Day("2010-01-01") }, Permanent(), Today, Jana, Now));

        exception.Errors.ShouldHaveSingleItem().Format().ShouldStartWith("Mitglieder müssen volljährig sein");
        jana.IsConfirmed.ShouldBeFalse();
        jana.DateOfBirth.ShouldBe(Day("1990-02-03"));
    }

    [Fact]
    public void A_confirmed_member_can_correct_their_details_later_and_stays_confirmed()
    {
        var (group, jana) = GroupWithJana();
        group.ConfirmOwnDetails(jana.Id, JanaDetails(), Permanent(), Today, Jana, Now);

        group.ConfirmOwnDetails(jana.Id, JanaDetails(phone: "0231 999"), Permanent(), Today, Jana, Now.AddDays(1));

        jana.IsConfirmed.ShouldBeTrue();
        jana.Phone.ShouldBe("0231 999");
    }

    [Fact]
    public void A_change_by_the_group_to_what_the_member_stated_resets_the_confirmation_and_a_new_address_withdraws_the_invitation()
    {
        var (group, jana) = GroupWithJana();
        group.ConfirmOwnDetails(jana.Id, JanaDetails(), Permanent(), Today, Jana, Now);

        // The main-contact mark is the group's decision, not the member's statement.
        group.ChangeMember(jana.Id, JanaDetails() with { IsMainContact = true }, null, Today, MainContact, Now);
        jana.IsConfirmed.ShouldBeTrue();

        group.ChangeMember(jana.Id, JanaDetails() with { FamilyName = "Kurz-Lang", IsMainContact = true }, null, Today, MainContact, Now);
        jana.IsConfirmed.ShouldBeFalse();

        group.InviteMember(jana.Id, "hash-1", MainContact, Now);
        group.ChangeMember(jana.Id, JanaDetails() with { Email = "jana.neu@example.org" }, null, Today, MainContact, Now);
        jana.IsConfirmed.ShouldBeFalse();
        jana.HoldsInvitation("hash-1", Now, Fortnight).ShouldBeFalse();
    }

    [Fact]
    public void A_confirmed_member_is_not_invited_and_a_submitted_group_takes_no_corrections()
    {
        var group = new GroupBuilder().ReadyToSubmit(members: 4).Build();
        var member = group.Members.First();
        Should.Throw<DomainException>(() => group.InviteMember(member.Id, "hash", MainContact, Now));
        group.Submit(Permanent(), Today, MainContact, Now);

        var exception = Should.Throw<DomainException>(() => group.ConfirmOwnDetails(member.Id,
            GroupBuilder.PersonDetails(1, GroupBuilder.DefaultTrainingDate) with { Phone = "0231 1" }, Permanent(), Today, Jana, Now));

        exception.Errors.ShouldHaveSingleItem().Format().ShouldStartWith("Die Gruppe ist eingereicht oder freigegeben");
    }
}
