namespace NestPortal.Data.Operations;

/// <summary>
/// One execution of a background job (rent run, mail outbox, import), written by the scheduler's job
/// listener on the instance that ran it, so administrators see what ran where and how it ended. The
/// scheduler's own tables (qrtz_*) say what is due; this table says what happened.
/// </summary>
public sealed class JobExecution
{
    public const int NameMaxLength = 150;
    public const int InstanceMaxLength = 200;
    public const int FireIdMaxLength = 140;
    public const int MessageMaxLength = 1000;

    public long Id { get; private set; }
    public string JobName { get; private set; } = string.Empty;
    public string TriggerName { get; private set; } = string.Empty;

    /// <summary>Quartz's id of this one firing: one row per firing, whichever instance ran it.</summary>
    public string FireInstanceId { get; private set; } = string.Empty;

    public string InstanceId { get; private set; } = string.Empty;

    /// <summary>When the trigger was due; earlier than <see cref="StartedAtUtc"/> for a caught-up misfire.</summary>
    public DateTime? ScheduledForUtc { get; private set; }

    public DateTime StartedAtUtc { get; private set; }
    public DateTime? FinishedAtUtc { get; private set; }
    public JobOutcome Outcome { get; private set; }

    /// <summary>Re-run after the instance that first ran it stopped midway (Quartz's recovery).</summary>
    public bool Recovering { get; private set; }

    /// <summary>Why it failed, in German (what administrators read); the exception itself is in the server log.</summary>
    public string? ErrorMessage { get; private set; }

    private JobExecution()
    {
    }

    public JobExecution(string jobName, string triggerName, string fireInstanceId, string instanceId, DateTime? scheduledForUtc, DateTime startedAtUtc, bool recovering)
    {
        JobName = Cut(jobName, NameMaxLength);
        TriggerName = Cut(triggerName, NameMaxLength);
        FireInstanceId = Cut(fireInstanceId, FireIdMaxLength);
        InstanceId = Cut(instanceId, InstanceMaxLength);
        ScheduledForUtc = scheduledForUtc;
        StartedAtUtc = startedAtUtc;
        Recovering = recovering;
        Outcome = JobOutcome.Running;
    }

    public void Succeed(DateTime nowUtc)
    {
        FinishedAtUtc = nowUtc;
        Outcome = JobOutcome.Succeeded;
    }

    public void Fail(string germanMessage, DateTime nowUtc)
    {
        FinishedAtUtc = nowUtc;
        Outcome = JobOutcome.Failed;
        ErrorMessage = Cut(germanMessage, MessageMaxLength);
    }

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..max];
}

public enum JobOutcome
{
    Running = 0,
    Succeeded = 1,
    Failed = 2,
}
