using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace NestPortal.Web.Mail;

public sealed class SmtpMailer(IOptions<MailOptions> options, ILogger<SmtpMailer> logger) : IMailer
{
    public async Task SendAsync(string to, string subject, string textBody, string htmlBody, CancellationToken cancellationToken = default)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Mail:Smtp:Host is not set."), smtp.Port, smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        await client.SendAsync(MailMessages.Create(options.Value.From, to, subject, textBody, htmlBody), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        logger.LogInformation("Mail {Subject} sent by SMTP", subject);
    }
}
