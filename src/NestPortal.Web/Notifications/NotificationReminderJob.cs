using NestPortal.Web.Infrastructure.Jobs;
using Quartz;

namespace NestPortal.Web.Notifications;

/// <summary>
/// The daily reminders (<see cref="Reminders"/>) as a background job. One instance of the cluster runs it
/// at a time (the clustered store and [DisallowConcurrentExecution]); a firing missed while every instance
/// was down runs once as soon as one is up again (misfire: fire now, then keep the schedule), and since
/// reminders are due "on or after" their day and keyed by their period, that one run makes up the days
/// missed without telling anything twice.
/// </summary>
[DisallowConcurrentExecution]
public sealed class NotificationReminderJob(Reminders reminders) : IJob
{
    public static readonly JobKey Key = new("notification-reminders", PortalJob.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await reminders.RunAsync(cancellationToken);

    public static PortalJob Definition(NotificationOptions options) =>
        new(Key, typeof(NotificationReminderJob), "Erinnerungen", RequestsRecovery: true, CanRunNow: true,
            options.RemindersEnabled
                ? trigger => trigger.WithCronSchedule(options.ReminderSchedule,
                    cron => cron.InTimeZone(JobSchedules.Germany).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                : null);
}
