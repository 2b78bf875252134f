using System.Net;
using System.Text.RegularExpressions;

namespace NestPortal.Web.Mail;

/// <summary>
/// The plain-text part of a mail written as simple HTML (paragraphs, line breaks, links): readers whose
/// mail program shows no HTML, and spam filters, get the same words with each link's address written out.
/// </summary>
public static partial class HtmlText
{
    public static string ToPlainText(string html)
    {
        var text = Link().Replace(html, m => $"{m.Groups[2].Value}: {m.Groups[1].Value}");
        text = Break().Replace(text, "\n");
        text = ParagraphEnd().Replace(text, "\n\n");
        text = Tag().Replace(text, string.Empty);
        text = WebUtility.HtmlDecode(text);
        return ManyBlankLines().Replace(text.Trim(), "\n\n") + "\n";
    }

    [GeneratedRegex("<a\\s[^>]*href=\"([^\"]*)\"[^>]*>(.*?)</a>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Link();

    [GeneratedRegex("<br\\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex Break();

    [GeneratedRegex("</(p|div|h[1-6]|li|tr)>", RegexOptions.IgnoreCase)]
    private static partial Regex ParagraphEnd();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("\\n{3,}")]
    private static partial Regex ManyBlankLines();
}
