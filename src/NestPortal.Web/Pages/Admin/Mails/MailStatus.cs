using Microsoft.Extensions.Localization;
using NestPortal.Data.Operations;

namespace NestPortal.Web.Pages.Admin.Mails;

/// <summary>Where a mail of the outbox stands, as the failures page filters and names it.</summary>
public enum MailStatus
{
    /// <summary>Not sent yet, still in the sender's hands (first try or a retry after a pause).</summary>
    Waiting,

    /// <summary>Given up after <see cref="OutgoingMail.MaxAttempts"/> attempts: only "send again" moves it.</summary>
    Failed,

    Sent,
}

public static class MailStatusTexts
{
    public static IQueryable<OutgoingMail> Having(this IQueryable<OutgoingMail> mails, MailStatus? status) => status switch
    {
        MailStatus.Waiting => mails.Where(m => m.SentAtUtc == null && m.Attempts < OutgoingMail.MaxAttempts),
        MailStatus.Failed => mails.Where(m => m.SentAtUtc == null && m.Attempts >= OutgoingMail.MaxAttempts),
        MailStatus.Sent => mails.Where(m => m.SentAtUtc != null),
        _ => mails,
    };

    public static MailStatus Of(DateTime? sentAtUtc, int attempts) =>
        sentAtUtc is not null ? MailStatus.Sent : attempts >= OutgoingMail.MaxAttempts ? MailStatus.Failed : MailStatus.Waiting;

    public static string Name(IStringLocalizer l, MailStatus status) => status switch
    {
        MailStatus.Waiting => l["wartend"],
        MailStatus.Failed => l["fehlgeschlagen"],
        _ => l["gesendet"],
    };

    /// <summary>An unsent mail that failed at least once may be sent again at once (after its cause is mended).</summary>
    public static bool CanSendAgain(DateTime? sentAtUtc, int attempts) => sentAtUtc is null && attempts > 0;
}
