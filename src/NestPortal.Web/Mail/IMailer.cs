namespace NestPortal.Web.Mail;

/// <summary>Sends the portal's mails (confirmation, invitation, password reset).</summary>
public interface IMailer
{
    /// <summary>Sends one mail with a plain-text and an HTML part (multipart/alternative).</summary>
    Task SendAsync(string to, string subject, string textBody, string htmlBody, CancellationToken cancellationToken = default);
}
