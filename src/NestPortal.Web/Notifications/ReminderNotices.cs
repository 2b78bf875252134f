namespace NestPortal.Web.Notifications;

/// <summary>Reminders about work waiting in the competence centre.</summary>
public static class ReminderNotices
{
    /// <summary>A submitted group still waits for review; keyed by the submission's day, so a resubmission that waits again is told again.</summary>
    public static Notice ReviewWaiting(int groupId, string groupName, DateOnly submittedOn, DateOnly today) =>
        new($"review-waiting:{groupId}:{submittedOn:yyyy-MM-dd}", l => new NoticeText(
            l["Eine Gruppe wartet seit {0} Tagen auf die Prüfung", today.DayNumber - submittedOn.DayNumber],
            [l["Die Mentoring-Gruppe „{0}“ hat sich am {1:dd.MM.yyyy} eingereicht und wartet noch auf die Prüfung.", groupName, submittedOn].Value],
            $"/Review/Details/{groupId}", l["Gruppe prüfen"]));
}
