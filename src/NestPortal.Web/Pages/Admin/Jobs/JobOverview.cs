using NestPortal.Data.Operations;
using NestPortal.Web.Infrastructure.Jobs;
using Quartz;

namespace NestPortal.Web.Pages.Admin.Jobs;

/// <summary>One declared job as the page shows it: what the job store says about its triggers, and its latest execution.</summary>
public sealed record JobOverview(PortalJob Job, IReadOnlyList<ITrigger> Triggers, JobExecution? Last)
{
    public DateTimeOffset? NextFireUtc => Triggers.Select(t => t.NextFireTimeUtc).Where(t => t is not null).Min();

    /// <summary>The standing trigger; a job without one runs only when something schedules it (an upload, "Jetzt ausführen").</summary>
    public ITrigger? Schedule => Triggers.FirstOrDefault(t => t.Key.Equals(PortalJob.ScheduleKey(Job.Key)));

    /// <summary>One-off triggers waiting (imports queued, a catch-up run).</summary>
    public int Waiting => Triggers.Count(t => !t.Key.Equals(PortalJob.ScheduleKey(Job.Key)));
}
