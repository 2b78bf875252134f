using System.Globalization;

namespace NestPortal.Web.Infrastructure;

/// <summary>
/// Numbers typed into text fields (rent, living space, rooms) in the page's language: "650,50" in
/// German, "650.50" in English. Thousands separators are accepted only where they group three digits,
/// as the portal shows amounts ("8.286,00" in German, "8,286.00" in English), so a German "650.50" is
/// still refused with a message instead of being read silently as 65,050.
/// </summary>
public static class DecimalInput
{
    private const NumberStyles Styles = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign
                                        | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var cleaned = text.Replace("€", string.Empty, StringComparison.Ordinal).Replace('\u00A0', ' ').Trim();
        var format = CultureInfo.CurrentCulture.NumberFormat;
        if (cleaned.Contains(format.NumberGroupSeparator, StringComparison.Ordinal))
        {
            if (!IsGrouped(cleaned, format)) return false;
            cleaned = cleaned.Replace(format.NumberGroupSeparator, string.Empty, StringComparison.Ordinal);
        }

        return decimal.TryParse(cleaned, Styles, CultureInfo.CurrentCulture, out value);
    }

    /// <summary>Separators exactly every three digits before the decimal separator: "8.286,00", "1.234.567".</summary>
    private static bool IsGrouped(string text, NumberFormatInfo format) =>
        System.Text.RegularExpressions.Regex.IsMatch(text,
            $@"^[-+]?\d{{1,3}}({System.Text.RegularExpressions.Regex.Escape(format.NumberGroupSeparator)}\d{{3}})+({System.Text.RegularExpressions.Regex.Escape(format.NumberDecimalSeparator)}\d+)?$");

    public static decimal? Parse(string? text) => TryParse(text, out var value) ? value : null;

    /// <summary>A stored number as the field shows it again, in the page's language.</summary>
    public static string Format(decimal value, string format = "0.##") => value.ToString(format, CultureInfo.CurrentCulture);

    /// <summary>
    /// An amount in euros as people read it in the page's language ("7.806,00 €", "7,806.00 €"); not the
    /// culture's currency format, because English would show dollars or the generic currency sign.
    /// </summary>
    public static string Euros(decimal amount) => amount.ToString("N2", CultureInfo.CurrentCulture) + "\u00A0€";
}
