using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Notifications;

/// <summary>
/// What a person is told about their own account's security, as a message and a mail: a new password, a
/// change of the second factor, a successful sign-in after sign-ins to the account were locked. If it was
/// not them, they learn it at once and know what to do. Each event is keyed by its moment, so it is told once.
/// </summary>
public static class SecurityNotices
{
    public enum SecondFactorChange
    {
        Enrolled,
        AuthenticatorReset,
        ResetByAdministrator,
    }

    private const string AccountPage = "/Account/Manage";

    public static Notice PasswordChanged(string userId, DateTime atUtc) =>
        new($"security:password:{userId}:{atUtc.Ticks}", l => new NoticeText(
            l["Ihr Passwort wurde geändert"],
            [
                l["Das Passwort Ihres Kontos bei NestPortal wurde am {0} geändert.", When(atUtc)],
                l["Wenn Sie das nicht waren: Setzen Sie über „Passwort vergessen?“ auf der Anmeldeseite sofort ein neues Passwort und informieren Sie die Administration."],
            ],
            AccountPage, l["Mein Konto öffnen"]));

    public static Notice SecondFactorChanged(string userId, DateTime atUtc, SecondFactorChange change) =>
        new($"security:second-factor:{userId}:{atUtc.Ticks}", l => new NoticeText(
            l["Ihre Zwei-Faktor-Anmeldung wurde geändert"],
            [
                change switch
                {
                    SecondFactorChange.Enrolled => l["Am {0} wurde für Ihr Konto bei NestPortal eine Authenticator-App eingerichtet.", When(atUtc)],
                    SecondFactorChange.AuthenticatorReset => l["Am {0} wurde die Authenticator-App Ihres Kontos bei NestPortal zurückgesetzt; der alte Schlüssel gilt nicht mehr.", When(atUtc)],
                    _ => l["Am {0} hat die Administration den zweiten Faktor Ihres Kontos bei NestPortal zurückgesetzt. Bei der nächsten Anmeldung richten Sie Ihre Authenticator-App neu ein.", When(atUtc)],
                },
                l["Wenn Sie das nicht veranlasst haben, ändern Sie sofort Ihr Passwort und informieren Sie die Administration."],
            ],
            AccountPage, l["Mein Konto öffnen"]));

    public static Notice SignInAfterLockout(string userId, DateTime lockedAtUtc, DateTime atUtc) =>
        new($"security:sign-in-after-lockout:{userId}:{lockedAtUtc.Ticks}", l => new NoticeText(
            l["Anmeldung nach einer Sperre"],
            [
                l["Am {0} wurde die Anmeldung in Ihr Konto bei NestPortal nach mehreren falschen Eingaben von einem Gerät aus gesperrt. Am {1} hat sich jemand erfolgreich angemeldet.", When(lockedAtUtc), When(atUtc)],
                l["Wenn Sie das nicht waren, ändern Sie sofort Ihr Passwort und informieren Sie die Administration."],
            ],
            AccountPage, l["Mein Konto öffnen"]));

    /// <summary>German time, formatted in the reader's culture (the notice is written with it set).</summary>
    private static string When(DateTime utc) => Clock.InGermany(utc).ToString("g");
}
