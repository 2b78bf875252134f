using System.Collections.Concurrent;
using System.Globalization;
using NestPortal.Web.Infrastructure.Jobs;
using Quartz;

namespace NestPortal.Web.Import;

/// <summary>
/// Imports waiting for their dry run or commit: each is a one-off trigger of <see cref="ImportJob"/> in the
/// job store, so the queue survives a restart and any instance of the cluster may take the next one;
/// the job runs one import at a time, in the order they were asked for.
/// </summary>
public sealed class ImportQueue(ISchedulerFactory schedulers)
{
    public async Task EnqueueAsync(int importId, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var trigger = TriggerBuilder.Create(scheduler.TimeProvider)
            .WithIdentity($"import-{importId}-{Guid.NewGuid():N}", PortalJob.Group)
            .ForJob(ImportJob.Key)
            .UsingJobData(ImportJob.ImportIdKey, importId.ToString(CultureInfo.InvariantCulture))
            .StartAt(scheduler.TimeProvider.GetUtcNow())
            .WithSimpleSchedule(simple => simple.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(trigger, cancellationToken: cancellationToken);
    }
}

/// <summary>
/// Progress of the import being worked on, in memory: the commit holds its write transaction open, and
/// SQLite lets no other connection write the progress to the import's row meanwhile.
/// </summary>
public sealed class ImportProgress
{
    private readonly ConcurrentDictionary<int, (int Processed, int Total)> _progress = new();

    public void Report(int importId, int processed, int total) => _progress[importId] = (processed, total);

    public void Forget(int importId) => _progress.TryRemove(importId, out _);

    public (int Processed, int Total)? Of(int importId) => _progress.TryGetValue(importId, out var progress) ? progress : null;
}
