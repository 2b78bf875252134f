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
}
