using System.Globalization;
using Microsoft.Extensions.Localization;

namespace NestPortal.Web.Texts;

/// <summary>
/// A count with its noun in the right number: "1 Eintrag", "2 Einträge" (and "1 entry", "2 entries" on
/// English pages). German and English agree on the rule (singular for exactly one, plural otherwise,
/// also for none), so each text needs just its two forms, both keys of the English resource file.
/// <code>@L.Count(total, "{0} Eintrag", "{0} Einträge")</code>
/// Where the German forms are the same ("{0} Fehler"), the singular is written with its number ("1 Fehler"), so that English
/// can tell the two apart.
/// </summary>
public static class Counts
{
    /// <param name="count">Chooses the form.</param>
    /// <param name="one">The text for exactly one; {0} is the count unless <paramref name="arguments"/> are given.</param>
    /// <param name="many">The text for any other count.</param>
    /// <param name="arguments">The texts' arguments when they hold more than the count (the count among them where it is shown).</param>
    public static string Count(this IStringLocalizer l, long count, string one, string many, params object[] arguments) =>
        l.GetString(count == 1 ? one : many, arguments.Length == 0 ? [count.ToString("N0", CultureInfo.CurrentCulture)] : arguments).Value;
}
