using NestPortal.Domain.Privacy;

namespace NestPortal.Web.Privacy;

/// <summary>
/// The retention periods (configuration section <c>Retention</c>) and the erasure job's schedule. The
/// legal basis of each period is in docs/data-protection.md; change both together.
/// </summary>
public sealed class RetentionOptions
{
    /// <summary>Off in tests, so their data stays as they made it; the page runs an erasure on request anyway.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>When the erasure job runs (Quartz cron, in German time): nightly, before the rent run.</summary>
    public string Schedule { get; set; } = "0 30 2 * * ?";

    /// <summary>Refugees' identifying data, in months after the household's last sponsorship was completed.</summary>
    public int RefugeeMonths { get; set; } = 36;

    /// <summary>Members' data, in months after the group's last sponsorship was completed or its last step.</summary>
    public int MentorMonths { get; set; } = 24;

    /// <summary>Registrations whose email was never confirmed, in days after registering.</summary>
    public int UnconfirmedRegistrationDays { get; set; } = 30;

    /// <summary>Uploaded import files that were neither committed nor discarded, in days after the upload.</summary>
    public int ImportFileDays { get; set; } = 7;

    /// <summary>The bodies of sent mails, in days after sending.</summary>
    public int SentMailDays { get; set; } = 90;

    /// <summary>The history of background-job runs, in days.</summary>
    public int JobHistoryDays { get; set; } = 180;

    public RetentionPeriods Periods => new(RefugeeMonths, MentorMonths);
}
