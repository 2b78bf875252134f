using NestPortal.Data;
using NestPortal.Data.Operations;

namespace NestPortal.Web.Mail;

/// <summary>
/// Queues mails in the database with the change they report (saved by the same SaveChanges), so a mail
/// is never lost to a stopped server nor sent for a change that was rolled back.
/// </summary>
public static class MailOutbox
{
    public static void QueueMail(this NestPortalDbContext db, string to, string subject, string htmlBody, DateTime nowUtc) =>
        db.OutgoingMails.Add(new OutgoingMail(to, subject, htmlBody, nowUtc));
}
