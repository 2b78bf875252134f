using NestPortal.Data.Operations;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Admin.Mails;

/// <summary>Outbox rows in each state the failures page shows, to a fresh address each.</summary>
internal static class MailRows
{
    public const string SecretBody = "Passwort-Link mit geheimem Token";

    public static async Task<(int Id, string To)> QueueAsync(PortalFactory factory, int failures = 0, bool sent = false, string subject = "Testbetreff")
    {
        var to = Accounts.NewEmail("postfach");
        var mail = new OutgoingMail(to, subject, SecretBody, $"<p>{SecretBody}</p>", TestClock.UtcNow);
        for (var i = 0; i < failures; i++) mail.MarkFailed("451 4.3.0 Mailserver nicht erreichbar", TestClock.UtcNow);
        if (sent) mail.MarkSent(TestClock.UtcNow);
        await factory.ExecuteAsync(db => db.OutgoingMails.Add(mail));
        return (mail.Id, to);
    }
}
