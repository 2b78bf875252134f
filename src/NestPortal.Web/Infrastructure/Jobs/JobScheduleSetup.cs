using Quartz;

namespace NestPortal.Web.Infrastructure.Jobs;

/// <summary>
/// Stores the declared jobs and their standing triggers in the job store before the scheduler starts.
/// A trigger that is already stored with the same schedule is left alone, so a next fire time that
/// passed while every instance was down stays in the past and the misfire handling catches it up;
/// Quartz's own declarative scheduling would replace it on every start and lose that. Instances of a
/// cluster starting together may race: the loser's "already exists" is the outcome both wanted.
/// </summary>
public sealed class JobScheduleSetup(ISchedulerFactory schedulers, IEnumerable<PortalJob> jobs, IServiceProvider services, ILogger<JobScheduleSetup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var job in jobs)
        {
            await scheduler.AddJob(job.ToJobDetail(), AddJobOptions.Replacing, cancellationToken);
            await StoreScheduleAsync(scheduler, job, cancellationToken);
            if (job.OnStart is not null) await job.OnStart(services, scheduler, cancellationToken);
        }

        await ForgetUndeclaredAsync(scheduler, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task StoreScheduleAsync(IScheduler scheduler, PortalJob job, CancellationToken cancellationToken)
    {
        var key = PortalJob.ScheduleKey(job.Key);
        var stored = await scheduler.GetTrigger(key, cancellationToken);
        var wanted = job.BuildSchedule(scheduler.TimeProvider);
        if (wanted is null)
        {
            // Switched off (RentRun:Enabled=false): a trigger stored while it was on must not go on firing.
            if (stored is not null) await scheduler.UnscheduleJob(key, cancellationToken);
            return;
        }

        if (stored is not null && SameSchedule(stored, wanted)) return;
        try
        {
            if (stored is null) await scheduler.ScheduleJob(wanted, cancellationToken: cancellationToken);
            else await scheduler.RescheduleJob(key, wanted, cancellationToken);
            logger.LogInformation("Job {Job} scheduled: {Schedule}", job.Key, JobSchedules.Describe(wanted));
        }
        catch (ObjectAlreadyExistsException)
        {
            // Another instance stored it a moment ago.
        }
    }

    /// <summary>A job that a previous version declared and this one no longer does must not run code that is gone.</summary>
    private async Task ForgetUndeclaredAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var declared = jobs.Select(j => j.Key).ToHashSet();
        foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(PortalJob.Group), cancellationToken))
        {
            if (declared.Contains(key)) continue;
            logger.LogWarning("Job {Job} is no longer declared; removing it and its triggers", key);
            await scheduler.DeleteJob(key, cancellationToken);
        }
    }

    private static bool SameSchedule(ITrigger stored, ITrigger wanted) => (stored, wanted) switch
    {
        (ICronTrigger a, ICronTrigger b) => a.CronExpressionString == b.CronExpressionString && a.TimeZone.Id == b.TimeZone.Id
                                            && a.MisfireInstructionCode == b.MisfireInstructionCode,
        (ISimpleTrigger a, ISimpleTrigger b) => a.RepeatInterval == b.RepeatInterval && a.RepeatCount == b.RepeatCount
                                                && a.MisfireInstructionCode == b.MisfireInstructionCode,
        _ => false,
    };
}
