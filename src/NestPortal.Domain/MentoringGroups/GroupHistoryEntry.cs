namespace NestPortal.Domain.MentoringGroups;

/// <summary>One step in a group's life, shown on its page: who did what, when. Never changed.</summary>
public sealed class GroupHistoryEntry
{
    public int Id { get; private set; }
    public DateTime OccurredAtUtc { get; private set; }
    public string ActorUserId { get; private set; } = string.Empty;
    public string ActorName { get; private set; } = string.Empty;
    public GroupAction Action { get; private set; }
    public string? Details { get; private set; }

    private GroupHistoryEntry()
    {
    }

    internal GroupHistoryEntry(DateTime occurredAtUtc, Common.Actor actor, GroupAction action, string? details)
    {
        OccurredAtUtc = occurredAtUtc;
        ActorUserId = actor.UserId;
        ActorName = actor.Name;
        Action = action;
        Details = details;
    }

    /// <summary>
    /// On erasure of the members' data: details that name a member or quote the review's remarks go,
    /// and so does the name of an actor who was a member (staff names stay: they act in office).
    /// </summary>
    internal void EraseNames(bool actorWasMember)
    {
        if (Action is GroupAction.MemberAdded or GroupAction.MemberChanged or GroupAction.MemberRemoved or GroupAction.MemberLeft
            or GroupAction.MainContactAppointed or GroupAction.Returned or GroupAction.Dissolved
            or GroupAction.MemberInvited or GroupAction.MemberConfirmed)
            Details = null;
        if (actorWasMember) ActorName = "Mitglied der Gruppe";
    }
}
