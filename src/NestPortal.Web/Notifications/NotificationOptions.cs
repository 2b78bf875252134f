namespace NestPortal.Web.Notifications;

/// <summary>Configuration section <c>Notifications</c>.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>
    /// How long a message stays in a person's list, in days after it was sent: long enough to look back
    /// over a programme year; the erasure job deletes older ones, read or not.
    /// </summary>
    public int MessageRetentionDays { get; set; } = 365;
}
