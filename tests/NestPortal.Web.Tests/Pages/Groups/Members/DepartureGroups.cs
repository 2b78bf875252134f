using NestPortal.Domain.MentoringGroups;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Groups.Members;

/// <summary>Approved groups for the departure pages, and members leaving them as if another member had recorded it.</summary>
internal static class DepartureGroups
{
    public static DateOnly Today => TestGroups.Today;

    /// <summary>An approved group of the demo mentor: four members (the permanent programme's minimum), the first two main contacts.</summary>
    public static async Task<(int Id, Mentor[] Members)> ApprovedGroupAsync(this PortalFactory factory, string name, string? ownerId = null)
    {
        var id = await factory.CreateApprovedGroupAsync(ownerId ?? await factory.DemoMentorIdAsync(), name);
        return (id, (await factory.LoadGroupAsync(id)).Members.OrderBy(m => m.Id).ToArray());
    }

    public static Task LeaveAsync(this PortalFactory factory, int groupId, int memberId, string reason = "Umzug") =>
        factory.ChangeGroupAsync(groupId, (group, actor, now) => group.RecordMemberLeaving(memberId, Today, reason, Today, actor, now));

    /// <summary>Someone else takes in a replacement member, trained and of age.</summary>
    public static Task AddReplacementAsync(this PortalFactory factory, int groupId) =>
        factory.ChangeGroupAsync(groupId, (group, actor, now) => group.AddMember(
            MemberDetails.Person("Rita", "Ersatz", $"ersatz.{Guid.NewGuid():N}@beispiel.invalid", Today.AddYears(-40), Today.AddMonths(-1)),
            null, Today, actor, now));
}
