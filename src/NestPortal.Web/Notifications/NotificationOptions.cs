namespace NestPortal.Web.Notifications;

/// <summary>Configuration section <c>Notifications</c>: when reminders fall due, when the reminder job runs, how long messages are kept.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>
    /// How long a message stays in a person's list, in days after it was sent: long enough to look back
    /// over a programme year; the erasure job deletes older ones, read or not.
    /// </summary>
    public int MessageRetentionDays { get; set; } = 365;

    /// <summary>A municipality that has not acknowledged an allocation after this many days is reminded (once) and the decision listed for the clerk.</summary>
    public int AcknowledgementReminderDays { get; set; } = 7;

    /// <summary>A group waiting for review longer than this many days since its submission is reported to the competence centre (once per submission).</summary>
    public int ReviewWaitingDays { get; set; } = 14;

    /// <summary>The group's main contacts are told this many days before support for their household ends.</summary>
    public int SupportEndingDays { get; set; } = 30;

    /// <summary>A household expected within this many days whose escrow account falls short: the group's main contacts are told.</summary>
    public int ShortfallBeforeArrivalDays { get; set; } = 30;

    /// <summary>
    /// A reminder that fell due longer ago than this is not sent any more (imported history, a very long
    /// downtime): it would only be noise; the clerk's list still shows the decision.
    /// </summary>
    public int ReminderCatchUpDays { get; set; } = 30;

    /// <summary>Off in tests, which run the reminders themselves on their clock.</summary>
    public bool RemindersEnabled { get; set; } = true;

    /// <summary>When the reminder job runs (Quartz cron, German time): daily, in the early morning.</summary>
    public string ReminderSchedule { get; set; } = "0 30 6 * * ?";

    /// <summary>At most this many reminders of each kind per run; the rest follow the next day (keys keep each one once).</summary>
    public int MaxPerKindAndRun { get; set; } = 500;
}
