namespace NestPortal.Web.RentRuns;

public sealed class RentRunOptions
{
    /// <summary>Off in tests, so their data stays as they made it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// When the scheduled run fires (Quartz cron, in German time). Rent is due monthly; a daily run pays a
    /// new month on its first night and retries failures the next.
    /// </summary>
    public string Schedule { get; set; } = "0 0 3 * * ?";

    /// <summary>Whether a start looks for a missed run at all (the tests of the schedule itself switch it off).</summary>
    public bool CatchUpOnStart { get; set; } = true;

    /// <summary>A run at start when the last one is older than this (after downtime, or on a fresh install).</summary>
    public double CatchUpAfterHours { get; set; } = 24;

    /// <summary>A pause before that catch-up run, so the portal answers requests first.</summary>
    public double StartDelaySeconds { get; set; } = 60;

    /// <summary>
    /// How long a run may go without saving a batch before it counts as dead (its process was killed). A
    /// batch of 200 accounts takes about a second; the lease is generous for a busy machine.
    /// </summary>
    public double LeaseMinutes { get; set; } = 10;
}
