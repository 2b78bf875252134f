using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Notifications;

/// <summary>What the notifier queued for events whose key starts with a prefix: the recipients of the messages and the mails.</summary>
public static class NoticeCounts
{
    public static Task<List<string>> MessageRecipientsAsync(this PortalFactory factory, string keyPrefix) =>
        factory.QueryAsync(db => db.PortalMessages.Where(m => m.EventKey.StartsWith(keyPrefix))
            .OrderBy(m => m.RecipientKey).Select(m => m.RecipientKey).ToListAsync());

    public static Task<List<string>> MailRecipientsAsync(this PortalFactory factory, string keyPrefix) =>
        factory.QueryAsync(db => db.OutgoingMails.Where(m => m.EventKey != null && m.EventKey.StartsWith(keyPrefix))
            .OrderBy(m => m.To).Select(m => m.To).ToListAsync());

    public static Task<List<string>> EventKeysAsync(this PortalFactory factory, string keyPrefix) =>
        factory.QueryAsync(db => db.PortalMessages.Where(m => m.EventKey.StartsWith(keyPrefix))
            .Select(m => m.EventKey).Distinct().OrderBy(k => k).ToListAsync());

    /// <summary>Triggers an event once more, as a second click or a second run would: in a scope of its own, saved.</summary>
    public static async Task NotifyAgainAsync(this PortalFactory factory, Func<NestPortal.Web.Notifications.Notifier, NestPortal.Data.NestPortalDbContext, Task> send)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NestPortal.Data.NestPortalDbContext>();
        await send(scope.ServiceProvider.GetRequiredService<NestPortal.Web.Notifications.Notifier>(), db);
        await db.SaveChangesAsync();
    }

    public static string CompetenceCentreMailbox(this PortalFactory factory) =>
        factory.Services.GetRequiredService<IOptions<PortalOptions>>().Value.CompetenceCentreMailbox;
}
