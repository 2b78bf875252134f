namespace NestPortal.Web.Mail;

public sealed class MailOptions
{
    public string From { get; set; } = "NestPortal <noreply@nestportal.invalid>";
    public string PickupDirectory { get; set; } = "App_Data/mail";
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>How often the outbox sender looks for mails to send.</summary>
    public int OutboxPollSeconds { get; set; } = 15;

    /// <summary>
    /// How long a sender's claim on a batch of mails holds: longer than a batch takes to send, short
    /// enough that a crashed instance's mails go out soon after from another.
    /// </summary>
    public int LeaseSeconds { get; set; } = 120;

    public sealed class SmtpOptions
    {
        public string? Host { get; set; }
        public int Port { get; set; } = 587;
        public string? UserName { get; set; }
        public string? Password { get; set; }
        public bool UseStartTls { get; set; } = true;
    }
}
