namespace NestPortal.Data.Auditing;

/// <summary>
/// One line of the audit log: who did what to which record, when, and which fields changed.
/// Written by <see cref="AuditTrail"/> inside the save it describes; never changed or deleted.
/// </summary>
public sealed class AuditEntry
{
    public const int EntityTypeMaxLength = 50;

    public long Id { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string? UserId { get; private set; }
    public string UserName { get; private set; } = string.Empty;
    public string? Role { get; private set; }
    public AuditAction Action { get; private set; }
    public string EntityType { get; private set; } = string.Empty;
    public string EntityId { get; private set; } = string.Empty;

    /// <summary>The changed fields as JSON: <c>[{"Field":…,"Old":…,"New":…}]</c>; null for views and deletions.</summary>
    public string? Changes { get; private set; }

    public string? RequestId { get; private set; }

    /// <summary>
    /// The aggregate a part belongs to (a person's household, a member's group), so a record's history
    /// includes its parts, also those since deleted.
    /// </summary>
    public string? ParentType { get; private set; }

    public string? ParentId { get; private set; }

    /// <summary>
    /// The import whose commit wrote this entry and has not switched yet (ADR 0022): hidden from every query
    /// until then, deleted if the import fails. Null for every entry of the log as it stands.
    /// </summary>
    public int? PendingImportId { get; private set; }

    internal void StageFor(int importId) => PendingImportId = importId;

    private AuditEntry()
    {
    }

    public AuditEntry(DateTime atUtc, AuditActorInfo actor, AuditAction action, string entityType, string entityId, string? changes,
        (string Type, string Id)? parent = null)
    {
        ParentType = parent?.Type;
        ParentId = parent?.Id;
        AtUtc = atUtc;
        UserId = actor.UserId;
        UserName = actor.UserName;
        Role = actor.Role;
        RequestId = actor.RequestId;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Changes = changes;
    }
}

public enum AuditAction
{
    Created,
    Changed,
    Deleted,
    Viewed,
}

/// <summary>Who is acting, as the audit log records it; the web layer fills it from the signed-in user.</summary>
public sealed record AuditActorInfo(string? UserId, string UserName, string? Role, string? RequestId)
{
    /// <summary>Work done by the portal itself: seeding, start-up, background jobs.</summary>
    public static readonly AuditActorInfo System = new(null, "System", null, null);
}

/// <summary>Supplies the acting user to the audit log; registered by the host.</summary>
public interface IAuditActor
{
    AuditActorInfo Current { get; }
}

/// <summary>One change of one field, as stored in <see cref="AuditEntry.Changes"/>.</summary>
public sealed record FieldChange(string Field, string? Old, string? New);
