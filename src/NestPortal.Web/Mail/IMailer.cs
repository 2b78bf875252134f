namespace NestPortal.Web.Mail;

/// <summary>Sends the portal's mails (confirmation, invitation, password reset).</summary>
public interface IMailer
{
    Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default);
}
