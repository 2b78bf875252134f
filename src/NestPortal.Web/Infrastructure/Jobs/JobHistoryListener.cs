using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Data.Operations;
using Quartz;

namespace NestPortal.Web.Infrastructure.Jobs;

/// <summary>
/// Records every execution in <see cref="JobExecution"/>: a row when it starts (so a running job shows
/// as running) and its end and outcome when it is done, on the instance that ran it. A failure to write
/// the history is logged and never fails the job: the work matters more than its record. Times are the
/// scheduler's, like the next and previous fire times beside them.
/// </summary>
public sealed class JobHistoryListener(IServiceScopeFactory scopes, ILogger<JobHistoryListener> logger) : IJobListener
{
    public string Name => "job-history";

    public async ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await WriteAsync(context, async db =>
        {
            db.JobExecutions.Add(new JobExecution(context.JobDetail.Key.Name, context.Trigger.Key.Name, context.FireInstanceId,
                context.Scheduler.SchedulerInstanceId, context.ScheduledFireTimeUtc?.UtcDateTime, context.FireTimeUtc.UtcDateTime, context.Recovering));
            await db.SaveChangesAsync(CancellationToken.None);
        });
    }

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        await WriteAsync(context, async db =>
        {
            var execution = await db.JobExecutions.SingleOrDefaultAsync(e => e.FireInstanceId == context.FireInstanceId, CancellationToken.None);
            if (execution is null) return;
            var now = context.FireTimeUtc.UtcDateTime + context.JobRunTime;
            if (jobException is null) execution.Succeed(now);
            else execution.Fail(JobFailureText.Of(jobException.InnerException ?? jobException), now);
            await db.SaveChangesAsync(CancellationToken.None);
        });
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    private async Task WriteAsync(IJobExecutionContext context, Func<NestPortalDbContext, Task> write)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await write(scope.ServiceProvider.GetRequiredService<NestPortalDbContext>());
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "The history of job {Job} (firing {FireInstanceId}) could not be written", context.JobDetail.Key, context.FireInstanceId);
        }
    }
}
