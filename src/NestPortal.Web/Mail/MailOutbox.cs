using NestPortal.Data;
using NestPortal.Data.Operations;

namespace NestPortal.Web.Mail;

/// <summary>
/// Queues mails in the database with the change they report (saved by the same SaveChanges), so a mail
/// is never lost to a stopped server nor sent for a change that was rolled back.
/// </summary>
public static class MailOutbox
{
    /// <summary>Queues a mail written as HTML; its plain-text part is derived from it (<see cref="HtmlText"/>).</summary>
    public static void QueueMail(this NestPortalDbContext db, string to, string subject, string htmlBody, DateTime nowUtc) =>
        db.OutgoingMails.Add(new OutgoingMail(to, subject, HtmlText.ToPlainText(htmlBody), htmlBody, nowUtc));
}
