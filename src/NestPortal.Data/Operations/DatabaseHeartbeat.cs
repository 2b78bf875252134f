namespace NestPortal.Data.Operations;

/// <summary>
/// The readiness probe's own row, one per instance: the probe writes it and commits, so a database that
/// can be read but not written (a read-only file or mount, a full disk) is reported, not just one that is
/// unreachable (ADR 0022). Nothing else reads it.
/// </summary>
public sealed class DatabaseHeartbeat
{
    public const int InstanceMaxLength = 200;

    public string Instance { get; private set; } = string.Empty;
    public DateTime WrittenAtUtc { get; private set; }

    private DatabaseHeartbeat()
    {
    }

    public DatabaseHeartbeat(string instance, DateTime nowUtc)
    {
        Instance = instance.Length > InstanceMaxLength ? instance[..InstanceMaxLength] : instance;
        WrittenAtUtc = nowUtc;
    }

    public void Beat(DateTime nowUtc) => WrittenAtUtc = nowUtc;
}
