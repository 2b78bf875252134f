using System.Globalization;

namespace NestPortal.Web.Infrastructure;

/// <summary>
/// Which characters a person's text may hold. Nobody types a control character, a bidirectional
/// override or a zero-width space into a name or a reference: they arrive by copy and paste or from
/// someone who wants a name to read differently on screen than it sorts, searches and prints
/// ("Trojan Source"). Line breaks and tabs belong only in text areas, whose properties carry
/// <c>[DataType(DataType.MultilineText)]</c>.
/// </summary>
public static class TextInput
{
    /// <summary>
    /// Control characters other than tab and line breaks, and lone surrogates: no browser form sends them,
    /// so a request carrying one is malformed as a whole (<see cref="MalformedRequests"/>).
    /// </summary>
    public static bool IsMalformed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) && c is not ('\t' or '\r' or '\n')) return true;
            if (char.IsHighSurrogate(c) && (i + 1 == value.Length || !char.IsLowSurrogate(value[++i]))) return true;
            if (char.IsLowSurrogate(c)) return true;
        }

        return false;
    }

    /// <summary>Whether a field's text is free of invisible characters; line breaks and tabs only where it is a text area.</summary>
    public static bool IsClean(string value, bool multiLine)
    {
        foreach (var c in value)
        {
            if (c is '\r' or '\n' or '\t')
            {
                if (!multiLine) return false;
                continue;
            }

            if (char.IsControl(c)) return false;
            // Format characters (bidirectional overrides and isolates, zero-width space, word joiner, soft
            // hyphen, byte-order mark) are invisible; the zero-width (non-)joiners stay, because names in
            // Arabic and Indic scripts need them.
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format && c is not ('\u200C' or '\u200D')) return false;
        }

        return true;
    }
}
