using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Web.Infrastructure.Jobs;
using Quartz;

namespace NestPortal.Web.RentRuns;

/// <summary>
/// The rent run as a background job: daily at 03:00 in Germany, and once at start when the last run is
/// older than a day. A firing missed while every instance was down runs as soon as one is up again
/// (misfire: fire now). One instance of the cluster runs it at a time; and the run itself pays each month
/// only once however often it runs (<see cref="RentRunner"/>).
/// </summary>
[DisallowConcurrentExecution]
public sealed class RentRunJob(RentRunner runner, TimeProvider time) : IJob
{
    public const string ScheduleName = "Zeitplan";
    public const string StartedByKey = "startedBy";
    public static readonly JobKey Key = new("rent-run", PortalJob.Group);
    public static readonly TriggerKey CatchUpKey = new("rent-run-catch-up", PortalJob.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var startedBy = context.MergedJobDataMap.GetString(StartedByKey) ?? ScheduleName;
        await runner.RunAsync(time.TodayInGermany(), startedBy, cancellationToken);
    }

    public static PortalJob Definition(RentRunOptions options) =>
        new(Key, typeof(RentRunJob), "Mietlauf", RequestsRecovery: false, CanRunNow: true,
            options.Enabled
                ? trigger => trigger.WithCronSchedule(options.Schedule,
                    cron => cron.InTimeZone(JobSchedules.Germany).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                : null)
        {
            OnStart = options.Enabled && options.CatchUpOnStart ? (services, scheduler, cancellationToken) => CatchUpAsync(services, scheduler, options, cancellationToken) : null,
        };

    /// <summary>
    /// A run soon after start when the last one is older than <see cref="RentRunOptions.CatchUpAfterHours"/>. Its
    /// trigger has a fixed key, so instances starting together schedule it once.
    /// </summary>
    private static async Task CatchUpAsync(IServiceProvider services, IScheduler scheduler, RentRunOptions options, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NestPortalDbContext>();
        // Runs are stamped on the portal's clock, so "older than a day" is measured on it too.
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var lastStart = await db.RentRuns.MaxAsync(r => (DateTime?)r.StartedAtUtc, cancellationToken);
        if (lastStart is { } last && now.UtcDateTime - last < TimeSpan.FromHours(options.CatchUpAfterHours)) return;
        var trigger = TriggerBuilder.Create(scheduler.TimeProvider).WithIdentity(CatchUpKey).ForJob(Key)
            .StartAt(scheduler.TimeProvider.GetUtcNow().AddSeconds(Math.Max(0, options.StartDelaySeconds)))
            .WithSimpleSchedule(simple => simple.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        try
        {
            await scheduler.ScheduleJob(trigger, cancellationToken: cancellationToken);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Another instance scheduled the catch-up a moment ago.
        }
    }
}
