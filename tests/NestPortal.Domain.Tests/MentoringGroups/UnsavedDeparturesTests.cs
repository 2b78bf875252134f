using NestPortal.Domain.Common;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Programme;
using NestPortal.Domain.Tests.Builders;
using static NestPortal.Domain.Tests.Builders.Dates;

namespace NestPortal.Domain.Tests.MentoringGroups;

/// <summary>Departures of members not saved yet (no ids): the import builds a group and its departures in memory.</summary>
public class UnsavedDeparturesTests
{
    private static readonly DateOnly SubmissionDay = Day("2022-09-01");
    private static readonly DateOnly Today = Day("2023-03-15");
    private static readonly DateTime Now = new(2023, 3, 15, 10, 0, 0, DateTimeKind.Utc);
    private static readonly ProgrammeRuleSet Rules = TestRuleSets.Permanent();

    private static MentoringGroup ApprovedWithoutIds()
    {
        var group = new GroupBuilder().ReadyToSubmit(4).MembersAddedOn(Day("2022-08-01")).Build();
        group.Submit(Rules, SubmissionDay, GroupBuilder.Actor, Now);
        group.RecordSecurityCheck(SubmissionDay, SecurityCheckResult.Passed, SubmissionDay, GroupBuilder.Staff, Now);
        group.Approve(GroupBuilder.Staff, Now);
        return group;
    }

    [Fact]
    public void A_member_without_an_id_leaves_by_reference_and_the_others_stay()
    {
        var group = ApprovedWithoutIds();
        var leaving = group.Members.Last();

        group.RecordMemberLeaving(leaving, Day("2023-03-01"), " Umzug ", Today, GroupBuilder.Staff, Now);

        leaving.LeftOn.ShouldBe(Day("2023-03-01"));
        leaving.LeavingReason.ShouldBe("Umzug");
        group.ActiveMembers.Count().ShouldBe(3);
    }

    [Fact]
    public void A_member_of_another_group_is_refused()
    {
        var group = ApprovedWithoutIds();
        var stranger = ApprovedWithoutIds().Members.First();

        Should.Throw<DomainException>(() => group.RecordMemberLeaving(stranger, Day("2023-03-01"), "Umzug", Today, GroupBuilder.Staff, Now))
            .Errors.Single().Format().ShouldBe("Dieses Mitglied gehört nicht zu dieser Gruppe.");
        group.ActiveMembers.Count().ShouldBe(4);
    }
}
