using System.Text.RegularExpressions;
using MimeKit;

namespace NestPortal.Web.Tests.Infrastructure;

/// <summary>Reads the mails the portal wrote into its pickup folder.</summary>
public static partial class Mailbox
{
    public static IReadOnlyList<MimeMessage> MailsTo(this PortalFactory factory, string address) =>
        !Directory.Exists(factory.MailFolder)
            ? []
            : Directory.GetFiles(factory.MailFolder, "*.eml").Order()
                .Select(path => MimeMessage.Load(path))
                .Where(m => m.To.Mailboxes.Any(b => b.Address.Equals(address, StringComparison.OrdinalIgnoreCase)))
                .ToList();

    /// <summary>The first link in the newest mail to the address, as a path the test client can open.</summary>
    public static string LinkInLatestMailTo(this PortalFactory factory, string address)
    {
        var mail = factory.MailsTo(address).LastOrDefault() ?? throw new InvalidOperationException($"No mail to {address}.");
        var href = Href().Match(mail.HtmlBody ?? string.Empty);
        if (!href.Success) throw new InvalidOperationException($"No link in the mail '{mail.Subject}'.");
        var uri = new Uri(System.Net.WebUtility.HtmlDecode(href.Groups[1].Value));
        return uri.PathAndQuery;
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
