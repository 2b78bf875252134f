using NestPortal.Web.Infrastructure.Jobs;
using Quartz;

namespace NestPortal.Web.Mail;

/// <summary>
/// Sends the outbox every <see cref="MailOptions.OutboxPollSeconds"/> seconds on one instance of the
/// cluster at a time. Firings missed while the portal was down are not made up one by one: the next one
/// sends everything due.
/// </summary>
[DisallowConcurrentExecution]
public sealed class OutboxMailJob(OutboxMailSender sender) : IJob
{
    public static readonly JobKey Key = new("mail-outbox", PortalJob.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await sender.SendDueAsync(cancellationToken);

    public static PortalJob Definition(MailOptions options) =>
        new(Key, typeof(OutboxMailJob), "Versand der E-Mails", RequestsRecovery: false, CanRunNow: true,
            trigger => trigger.WithSimpleSchedule(simple => simple.WithInterval(TimeSpan.FromSeconds(Math.Max(1, options.OutboxPollSeconds))).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
}
