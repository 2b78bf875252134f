using NestPortal.Web.Infrastructure.Jobs;
using Quartz;

namespace NestPortal.Web.Privacy;

/// <summary>
/// The nightly erasure of personal data whose retention period has passed (<see cref="Erasure"/>).
/// Safe to run again after a crash or by hand: what is erased is not due any more.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ErasureJob(Erasure erasure, TimeProvider time, ILogger<ErasureJob> logger) : IJob
{
    public static readonly JobKey Key = new("erasure", PortalJob.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var done = await erasure.RunAsync(time.TodayInGermany(), cancellationToken);
        // Counts only: the log must not repeat what was just erased.
        logger.LogInformation(
            "Erasure: {Households} households, {Groups} groups, {Accounts} member accounts, {Unconfirmed} unconfirmed registrations, {Files} import files, {Mails} mail bodies, {Jobs} job records",
            done.Households.Count, done.Groups.Count, done.MemberAccounts, done.UnconfirmedAccounts, done.ImportFiles, done.MailBodies, done.JobRecords);
    }

    public static PortalJob Definition(RetentionOptions options) =>
        new(Key, typeof(ErasureJob), "Löschung nach Aufbewahrungsfrist", RequestsRecovery: true, CanRunNow: true,
            options.Enabled
                ? trigger => trigger.WithCronSchedule(options.Schedule,
                    cron => cron.InTimeZone(JobSchedules.Germany).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                : null);
}
