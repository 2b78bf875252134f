namespace NestPortal.Data.Operations;

/// <summary>
/// A mail waiting to be sent (outbox). Written in the same transaction as the change it reports, so
/// a mail is neither lost when the server stops nor sent for a change that was rolled back; a
/// background sender delivers it and retries failures.
/// </summary>
public sealed class OutgoingMail
{
    public const int AddressMaxLength = 320;
    public const int SubjectMaxLength = 300;
    public const int MaxAttempts = 10;
    public const int EventKeyMaxLength = 200;
    public const int LeaseOwnerMaxLength = 100;

    public int Id { get; private set; }
    public string To { get; private set; } = string.Empty;
    public string Subject { get; private set; } = string.Empty;
    /// <summary>Empty once the retention period after sending has passed (<see cref="ForgetBody"/>).</summary>
    public string HtmlBody { get; private set; } = string.Empty;
    /// <summary>The plain-text part, sent with the HTML one (multipart/alternative); forgotten with it.</summary>
    public string TextBody { get; private set; } = string.Empty;

    /// <summary>
    /// The event this mail reports (see PortalMessage.EventKey); unique with <see cref="To"/>, so a second
    /// trigger of the same event queues nothing. Null for mails that are not event notices.
    /// </summary>
    public string? EventKey { get; private set; }

    /// <summary>The sender instance that has claimed this mail, until <see cref="LeasedUntilUtc"/>; a crashed sender's lease runs out.</summary>
    public string? LeaseOwner { get; private set; }
    public DateTime? LeasedUntilUtc { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? SentAtUtc { get; private set; }
    public int Attempts { get; private set; }
    public DateTime NextAttemptAtUtc { get; private set; }
    public string? LastError { get; private set; }

    private OutgoingMail()
    {
    }

    public OutgoingMail(string to, string subject, string textBody, string htmlBody, DateTime nowUtc, string? eventKey = null)
    {
        To = to;
        Subject = subject.Length <= SubjectMaxLength ? subject : subject[..SubjectMaxLength];
        TextBody = textBody;
        HtmlBody = htmlBody;
        EventKey = eventKey is null || eventKey.Length <= EventKeyMaxLength ? eventKey : throw new ArgumentException("Event key too long.", nameof(eventKey));
        CreatedAtUtc = nowUtc;
        NextAttemptAtUtc = nowUtc;
    }

    public void MarkSent(DateTime nowUtc)
    {
        SentAtUtc = nowUtc;
        ReleaseLease();
    }

    /// <summary>Whether the sender has given up: it stays unsent until an operator sends it again.</summary>
    public bool HasFailed => SentAtUtc is null && Attempts >= MaxAttempts;

    /// <summary>
    /// An operator's "send again" after the cause is mended (a wrong address corrected at the mail server,
    /// a server back up): the next sender run tries it at once, with the full number of attempts.
    /// </summary>
    public void SendAgain(DateTime nowUtc)
    {
        if (SentAtUtc is not null) throw new InvalidOperationException("A sent mail is not sent again.");
        Attempts = 0;
        NextAttemptAtUtc = nowUtc;
        ReleaseLease();
    }

    private void ReleaseLease()
    {
        LeaseOwner = null;
        LeasedUntilUtc = null;
    }

    /// <summary>A sent mail's body is kept for a while (to answer "what did we send?") and then forgotten; the row stays as proof it was sent.</summary>
    public void ForgetBody()
    {
        HtmlBody = string.Empty;
        TextBody = string.Empty;
    }

    /// <summary>Schedules the next try with a growing pause (1, 2, 4 … minutes); after the last attempt it stays unsent for an operator.</summary>
    public void MarkFailed(string error, DateTime nowUtc)
    {
        Attempts++;
        LastError = error.Length <= 1000 ? error : error[..1000];
        NextAttemptAtUtc = Attempts >= MaxAttempts ? DateTime.MaxValue : nowUtc.AddMinutes(Math.Pow(2, Attempts - 1));
        ReleaseLease();
    }
}
