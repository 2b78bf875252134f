using MimeKit;

namespace NestPortal.Web.Mail;

internal static class MailMessages
{
    public static MimeMessage Create(string from, string to, string subject, string textBody, string htmlBody)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new BodyBuilder { TextBody = textBody, HtmlBody = htmlBody }.ToMessageBody();
        return message;
    }
}
