using System.Globalization;
using Quartz;

namespace NestPortal.Web.Infrastructure.Jobs;

/// <summary>How a trigger is shown: the cron expression with its time zone, or the repeat interval.</summary>
public static class JobSchedules
{
    public static readonly TimeZoneInfo Germany = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>Language-neutral, for the log.</summary>
    public static string Describe(ITrigger trigger) => trigger switch
    {
        ICronTrigger cron => $"cron '{cron.CronExpressionString}' ({cron.TimeZone.Id})",
        ISimpleTrigger simple => string.Create(CultureInfo.InvariantCulture, $"every {simple.RepeatInterval.TotalSeconds:0} s"),
        _ => trigger.GetType().Name,
    };
}
