using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace NestPortal.Web.Mail;

public sealed class MailOptions
{
    public string From { get; set; } = "NestPortal <noreply@nestportal.invalid>";
    public string PickupDirectory { get; set; } = "App_Data/mail";
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>How often the outbox sender looks for mails to send.</summary>
    public int OutboxPollSeconds { get; set; } = 15;

    public sealed class SmtpOptions
    {
        public string? Host { get; set; }
        public int Port { get; set; } = 587;
        public string? UserName { get; set; }
        public string? Password { get; set; }
        public bool UseStartTls { get; set; } = true;
    }
}

/// <summary>Sends the portal's mails (confirmation, invitation, password reset).</summary>
public interface IMailer
{
    Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default);
}

/// <summary>
/// Writes each mail as an .eml file into a pickup folder and logs that it did, so Development and the
/// tests need no mail server. Links are in the file, never in the log.
/// </summary>
public sealed class PickupFolderMailer(IOptions<MailOptions> options, IHostEnvironment environment, ILogger<PickupFolderMailer> logger) : IMailer
{
    public async Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        await MailMessages.Create(options.Value.From, to, subject, htmlBody).WriteToAsync(path, cancellationToken);
        logger.LogInformation("Mail {Subject} written to pickup folder {Path}", subject, path);
    }
}

public sealed class SmtpMailer(IOptions<MailOptions> options, ILogger<SmtpMailer> logger) : IMailer
{
    public async Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Mail:Smtp:Host is not set."), smtp.Port, smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        await client.SendAsync(MailMessages.Create(options.Value.From, to, subject, htmlBody), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        logger.LogInformation("Mail {Subject} sent by SMTP", subject);
    }
}

internal static class MailMessages
{
    public static MimeMessage Create(string from, string to, string subject, string htmlBody)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new BodyBuilder { HtmlBody = htmlBody }.ToMessageBody();
        return message;
    }
}
