using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text;
using Microsoft.Extensions.Localization;

namespace NestPortal.Web.Notifications;

/// <summary>
/// Turns a notice into the two parts of a mail (plain text and HTML, sent as multipart/alternative):
/// the same words, the HTML encoded, the link absolute. Also used for the account mails.
/// </summary>
public static class NoticeMail
{
    /// <summary>Encodes markup characters but keeps umlauts readable in the mail's source.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <param name="inMessageList">Whether the notice is also in the reader's messages in the portal (account mails are not).</param>
    public static (string Text, string Html) Compose(IStringLocalizer l, NoticeText notice, Uri baseUrl, bool inMessageList = true)
    {
        var greeting = l["Guten Tag,"].Value;
        var footer = inMessageList
            ? l["Diese Nachricht hat NestPortal geschickt. Sie finden sie auch in Ihrer Nachrichtenliste im Portal."].Value
            : l["Diese E-Mail hat NestPortal geschickt."].Value;
        var link = notice.LinkPath is null ? null : Absolute(baseUrl, notice.LinkPath);

        var text = new StringBuilder().Append(greeting).Append("\n\n");
        foreach (var paragraph in notice.Paragraphs) text.Append(paragraph).Append("\n\n");
        if (link is not null) text.Append(notice.LinkLabel ?? link).Append(":\n").Append(link).Append("\n\n");
        text.Append("-- \n").Append(footer).Append('\n');

        var html = new StringBuilder("<!DOCTYPE html><html><body>")
            .Append("<p>").Append(Encoder.Encode(greeting)).Append("</p>");
        foreach (var paragraph in notice.Paragraphs)
            html.Append("<p>").AppendJoin("<br>", paragraph.Split('\n').Select(Encoder.Encode)).Append("</p>");
        if (link is not null)
            html.Append("<p><a href=\"").Append(Encoder.Encode(link)).Append("\">")
                .Append(Encoder.Encode(notice.LinkLabel ?? link)).Append("</a></p>");
        html.Append("<hr><p><small>").Append(Encoder.Encode(footer)).Append("</small></p></body></html>");
        return (text.ToString(), html.ToString());
    }

    public static string Absolute(Uri baseUrl, string path) => new Uri(baseUrl, path.TrimStart('/')).ToString();
}
