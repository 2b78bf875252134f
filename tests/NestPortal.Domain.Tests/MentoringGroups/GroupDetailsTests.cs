using NestPortal.Domain.Common;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Tests.Builders;

namespace NestPortal.Domain.Tests.MentoringGroups;

public class GroupDetailsTests
{
    private static readonly Actor Actor = GroupBuilder.Actor;
    private static readonly DateTime Now = GroupBuilder.Now;
    private static readonly Ags Hagen = Ags.Parse("05914000");

    [Fact]
    public void A_registered_group_is_a_draft_of_its_creator()
    {
        var group = MentoringGroup.Register("  Willkommen in Hagen  ", Hagen, Actor, Now);

        group.Name.ShouldBe("Willkommen in Hagen");
        group.HomeMunicipalityAgs.ShouldBe(Hagen);
        group.Status.ShouldBe(GroupStatus.Draft);
        group.IsEditableByGroup.ShouldBeTrue();
        group.CreatedByUserId.ShouldBe(Actor.UserId);
        group.CreatedAtUtc.ShouldBe(Now);
        group.Members.ShouldBeEmpty();
        group.SupportPlan.ShouldBeNull();
        group.SubmittedOn.ShouldBeNull();
        group.ConcurrencyStamp.ShouldNotBe(Guid.Empty);
        var entry = group.History.ShouldHaveSingleItem();
        entry.Action.ShouldBe(GroupAction.Created);
        entry.ActorUserId.ShouldBe(Actor.UserId);
        entry.ActorName.ShouldBe(Actor.Name);
        entry.OccurredAtUtc.ShouldBe(Now);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_group_needs_a_name(string name)
    {
        Should.Throw<DomainException>(() => MentoringGroup.Register(name, Hagen, Actor, Now))
            .Message.ShouldBe("Bitte geben Sie einen Gruppennamen an.");
    }

    [Fact]
    public void A_group_name_may_have_at_most_200_characters()
    {
        MentoringGroup.Register(new string('A', 200), Hagen, Actor, Now).Name.Length.ShouldBe(200);

        Should.Throw<DomainException>(() => MentoringGroup.Register(new string('A', 201), Hagen, Actor, Now))
            .Message.ShouldBe("Der Gruppenname darf höchstens 200 Zeichen lang sein.");
    }

    [Fact]
    public void The_details_can_be_changed_while_the_group_is_a_draft()
    {
        var group = new GroupBuilder().Build();
        var stampBefore = group.ConcurrencyStamp;

        group.ChangeDetails(" Neustart Hagen ", Hagen, "  Begleitung zu Ämtern.  ", Actor, Now);

        group.Name.ShouldBe("Neustart Hagen");
        group.HomeMunicipalityAgs.ShouldBe(Hagen);
        group.SupportPlan.ShouldBe("Begleitung zu Ämtern.");
        group.ConcurrencyStamp.ShouldNotBe(stampBefore);
        group.History.Last().Action.ShouldBe(GroupAction.DetailsChanged);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n ")]
    public void An_empty_support_plan_is_stored_as_missing(string? supportPlan)
    {
        var group = new GroupBuilder().WithSupportPlan().Build();

        group.ChangeDetails(group.Name, group.HomeMunicipalityAgs, supportPlan, Actor, Now);

        group.SupportPlan.ShouldBeNull();
    }

    [Fact]
    public void A_support_plan_may_have_at_most_8000_characters()
    {
        var group = new GroupBuilder().Build();

        group.ChangeDetails(group.Name, group.HomeMunicipalityAgs, new string('x', 8000), Actor, Now);
        group.SupportPlan!.Length.ShouldBe(8000);

        Should.Throw<DomainException>(() => group.ChangeDetails(group.Name, group.HomeMunicipalityAgs, new string('x', 8001), Actor, Now))
            .Message.ShouldBe("Der Unterstützungsplan darf höchstens 8000 Zeichen lang sein.");
    }

    [Fact]
    public void A_refused_change_of_details_changes_nothing()
    {
        var group = new GroupBuilder().WithSupportPlan().Build();
        var stampBefore = group.ConcurrencyStamp;

        Should.Throw<DomainException>(() => group.ChangeDetails("Neustart Hagen", Hagen, new string('x', 8001), Actor, Now));

        group.HomeMunicipalityAgs.ShouldBe(GroupBuilder.Bochum);
        group.SupportPlan.ShouldBe(GroupBuilder.DefaultSupportPlan);
        group.ConcurrencyStamp.ShouldBe(stampBefore);
        group.Name.ShouldBe(GroupBuilder.DefaultName);
    }

    [Theory]
    [InlineData("mentor-erika", null, true)] // the creator
    [InlineData("someone-else", "mitglied2@example.org", true)] // a listed member
    [InlineData("someone-else", "  MITGLIED2@Example.ORG ", true)] // a listed member, written differently
    [InlineData("someone-else", "fremd@example.org", false)]
    [InlineData("someone-else", null, false)]
    public void A_group_is_visible_to_its_creator_and_its_members_only(string userId, string? email, bool accessible)
    {
        var group = new GroupBuilder().WithMembers(3).Build();

        group.IsAccessibleTo(userId, email).ShouldBe(accessible);
    }
}
