using System.Globalization;
using Microsoft.Extensions.Localization;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Texts;

/// <summary>Where an account stands, as the administrators' list and account page say it.</summary>
public static class AccountTexts
{
    /// <summary>Deactivated (since when), invited and not yet taken up, registered and not confirmed, or active.</summary>
    public static string Status(IStringLocalizer l, DateTime? deactivatedAtUtc, bool hasPassword, bool emailConfirmed) =>
        deactivatedAtUtc is { } since ? l["deaktiviert seit {0}", Clock.InGermany(since).ToString("d", CultureInfo.CurrentCulture)]
        : !hasPassword ? l["eingeladen, Passwort noch nicht festgelegt"]
        : !emailConfirmed ? l["E-Mail-Adresse nicht bestätigt"]
        : l["aktiv"];
}
