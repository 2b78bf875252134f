using System.Globalization;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Data.Operations;
using NestPortal.Web.Notifications;

namespace NestPortal.Web.Pages.Account;

/// <summary>
/// The mails of the account forms, queued in the outbox with the change that causes them. Every public
/// form queues exactly one mail whether or not the address has an account, so the answer and its timing
/// are the same (ADR 0018); only the mailbox's owner reads which case it was. The mails with a link are
/// written as a notice (greeting, paragraphs, one link), so their plain-text part is a text of its own,
/// in the language of the request that asked for them (the recipient's, for the self-service forms).
/// </summary>
public static class AccountMails
{
    /// <summary>Queues a notice as a multipart mail that is not also a message in the portal (the account may not exist yet).</summary>
    public static void QueueAccountMail(this NestPortalDbContext db, IStringLocalizer l, string to, NoticeText text, Uri baseUrl, DateTime nowUtc)
    {
        var (plain, html) = NoticeMail.Compose(l, text, baseUrl, inMessageList: false);
        db.OutgoingMails.Add(new OutgoingMail(to, text.Subject, plain, html, nowUtc));
    }

    /// <summary>The request's language as an account's preferred one: mails and messages to the account follow it.</summary>
    public static string RequestCulture() =>
        Startup.ServiceRegistration.SupportedCultures.FirstOrDefault(c => c.Name == CultureInfo.CurrentUICulture.Name)?.Name
        ?? Startup.ServiceRegistration.SupportedCultures[0].Name;

    public static NoticeText ConfirmEmail(IStringLocalizer l, string link) => new(
        l["Bitte bestätigen Sie Ihre E-Mail-Adresse"],
        [l["Bitte bestätigen Sie Ihre E-Mail-Adresse für NestPortal über den folgenden Link."], l["Wenn Sie sich nicht registriert haben, ignorieren Sie diese E-Mail."]],
        link, l["E-Mail-Adresse bestätigen"]);

    public static NoticeText NewPassword(IStringLocalizer l, string link) => new(
        l["Neues Passwort für NestPortal"],
        [l["Über den folgenden Link können Sie ein neues Passwort festlegen."], l["Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail."]],
        link, l["Passwort festlegen"]);

    public static NoticeText Invitation(IStringLocalizer l, string link) => new(
        l["Einladung zu NestPortal"],
        [l["Sie wurden zu NestPortal eingeladen. Legen Sie über den folgenden Link Ihr Passwort fest."], l["Bei der ersten Anmeldung richten Sie die Zwei-Faktor-Anmeldung ein."]],
        link, l["Passwort festlegen"]);

    public static string NoAccountSubject(IStringLocalizer l) => l["Kein Konto bei NestPortal"];

    public static string NoAccountBody(IStringLocalizer l) =>
        l["Jemand hat bei NestPortal für diese E-Mail-Adresse eine E-Mail angefordert. Zu dieser Adresse gibt es bei NestPortal kein Konto. Wenn Sie das nicht waren, ignorieren Sie diese E-Mail."];
}
