using Quartz;

namespace NestPortal.Web.Infrastructure.Jobs;

/// <summary>
/// What the portal declares about one background job: its key, its German title (shown on
/// /Admin/Jobs, translated there), whether a crash midway makes it run again, whether an administrator
/// may start it by hand, and the trigger it runs on (none: it runs only when something schedules it).
/// Each job's file declares its own (<c>RentRunJob.Definition</c> …); <c>BackgroundWorkRegistration</c>
/// lists them, and <see cref="JobScheduleSetup"/> stores them in the job store at start.
/// </summary>
public sealed record PortalJob(JobKey Key, Type JobType, string Title, bool RequestsRecovery, bool CanRunNow, Func<TriggerBuilder<IJob>, TriggerBuilder<IJob>>? Schedule)
{
    public const string Group = "portal";

    /// <summary>Runs once at start after the job and its trigger are stored (the rent run's catch-up).</summary>
    public Func<IServiceProvider, IScheduler, CancellationToken, Task>? OnStart { get; init; }

    /// <summary>The key of the job's standing trigger: one per job, so every instance of a cluster names the same one.</summary>
    public static TriggerKey ScheduleKey(JobKey job) => new($"{job.Name}-schedule", Group);

    /// <summary>
    /// The standing trigger, built on the scheduler's clock: a cron trigger computes its first firing
    /// from the clock of the builder that made it, not from the scheduler it is stored in.
    /// </summary>
    public ITrigger? BuildSchedule(TimeProvider clock) =>
        Schedule?.Invoke(TriggerBuilder.Create(clock).WithIdentity(ScheduleKey(Key)).ForJob(Key).StartAt(clock.GetUtcNow())).Build();

    public IJobDetail ToJobDetail() =>
        JobBuilder.Create().OfType(JobType).WithIdentity(Key).WithDescription(Title).StoreDurably().RequestRecovery(RequestsRecovery).Build();
}
