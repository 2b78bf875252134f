using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NestPortal.Web.Mail;

namespace NestPortal.Web.Tests.Infrastructure;

/// <summary>
/// Reads the mails the portal wrote into its pickup folder. The account forms queue their mails in the
/// outbox; the mailbox first delivers what is queued, as the outbox job would a few seconds later.
/// </summary>
public static partial class Mailbox
{
    public static IReadOnlyList<MimeMessage> MailsTo(this PortalFactory factory, string address)
    {
        factory.DeliverQueuedMails();
        return !Directory.Exists(factory.MailFolder)
            ? []
            : Directory.GetFiles(factory.MailFolder, "*.eml").Order()
                .Select(path => MimeMessage.Load(path))
                .Where(m => m.To.Mailboxes.Any(b => b.Address.Equals(address, StringComparison.OrdinalIgnoreCase)))
                .ToList();
    }

    /// <summary>Runs the outbox's sender once (off the test's synchronization context, so blocking on it cannot deadlock).</summary>
    public static void DeliverQueuedMails(this PortalFactory factory) =>
        Task.Run(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OutboxMailSender>().SendDueAsync(CancellationToken.None);
        }).GetAwaiter().GetResult();

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
