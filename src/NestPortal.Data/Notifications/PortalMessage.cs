namespace NestPortal.Data.Notifications;

/// <summary>
/// A message in a person's list in the portal: what a notification mail says, kept where the person
/// finds it after signing in, so nothing depends on a mail arriving. Messages to the competence centre
/// go to its shared list (<see cref="CompetenceCentre"/>), which every member of its staff sees.
/// </summary>
public sealed class PortalMessage
{
    /// <summary>The recipient key of the competence centre's shared list.</summary>
    public const string CompetenceCentre = "competence-centre";

    public const int RecipientMaxLength = 450;
    public const int EventKeyMaxLength = 200;
    public const int SubjectMaxLength = 300;
    public const int LinkMaxLength = 500;

    public long Id { get; private set; }

    /// <summary>The account's id, or <see cref="CompetenceCentre"/>.</summary>
    public string RecipientKey { get; private set; } = string.Empty;

    /// <summary>What happened, once per recipient (unique with the recipient): a second trigger of the same event adds nothing.</summary>
    public string EventKey { get; private set; } = string.Empty;

    public string Subject { get; private set; } = string.Empty;
    public string Text { get; private set; } = string.Empty;

    /// <summary>A path inside the portal ("/Review/Details/12"), never an absolute address.</summary>
    public string? LinkPath { get; private set; }

    public string? LinkLabel { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? ReadAtUtc { get; private set; }

    private PortalMessage()
    {
    }

    public PortalMessage(string recipientKey, string eventKey, string subject, string text, string? linkPath, string? linkLabel, DateTime nowUtc)
    {
        if (linkPath is not null && !linkPath.StartsWith('/'))
            throw new ArgumentException("A message links to a path inside the portal.", nameof(linkPath));
        RecipientKey = recipientKey;
        EventKey = eventKey.Length <= EventKeyMaxLength ? eventKey : throw new ArgumentException("Event key too long.", nameof(eventKey));
        Subject = subject.Length <= SubjectMaxLength ? subject : subject[..SubjectMaxLength];
        Text = text;
        LinkPath = linkPath;
        LinkLabel = linkLabel;
        CreatedAtUtc = nowUtc;
    }

    public bool IsRead => ReadAtUtc is not null;

    public void MarkRead(DateTime nowUtc) => ReadAtUtc ??= nowUtc;
}
