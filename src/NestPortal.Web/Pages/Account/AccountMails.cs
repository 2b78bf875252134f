using Microsoft.Extensions.Localization;

namespace NestPortal.Web.Pages.Account;

/// <summary>
/// The texts of the mails the public account forms queue. Every form queues exactly one mail whether
/// or not the address has an account, so the answer and its timing are the same (ADR 0018); only the
/// mailbox's owner reads which case it was.
/// </summary>
public static class AccountMails
{
    public static string ConfirmEmailBody(IStringLocalizer l, string link) =>
        l["Guten Tag, bitte bestätigen Sie Ihre E-Mail-Adresse für NestPortal: <a href=\"{0}\">E-Mail-Adresse bestätigen</a>. Wenn Sie sich nicht registriert haben, ignorieren Sie diese E-Mail.", link];

    public static string NoAccountSubject(IStringLocalizer l) => l["Kein Konto bei NestPortal"];

    public static string NoAccountBody(IStringLocalizer l) =>
        l["Jemand hat bei NestPortal für diese E-Mail-Adresse eine E-Mail angefordert. Zu dieser Adresse gibt es bei NestPortal kein Konto. Wenn Sie das nicht waren, ignorieren Sie diese E-Mail."];
}
