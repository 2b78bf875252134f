using Quartz;

namespace NestPortal.Web.Infrastructure.Jobs;

/// <summary>
/// Writes the view rows pages spooled while the database was busy (<see cref="ViewLogSpool"/>), every
/// minute, on whichever instance of the cluster takes the firing: instances share the spool folder as
/// they share App_Data (docs/operations.md), and a file is claimed before it is written, so it is never
/// written twice.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ViewLogSpoolJob(ViewLogSpool spool) : IJob
{
    public static readonly JobKey Key = new("view-log-spool", PortalJob.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await spool.FlushAsync(cancellationToken);

    public static PortalJob Definition =>
        new(Key, typeof(ViewLogSpoolJob), "Nachtrag protokollierter Ansichten", RequestsRecovery: false, CanRunNow: true,
            trigger => trigger.WithSimpleSchedule(simple => simple.WithInterval(TimeSpan.FromMinutes(1)).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
}
