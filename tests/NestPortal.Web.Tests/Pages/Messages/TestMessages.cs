using Microsoft.EntityFrameworkCore;
using NestPortal.Data.Notifications;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Messages;

/// <summary>Messages put straight into someone's list, and fresh accounts to receive them.</summary>
internal static class TestMessages
{
    public static async Task<(string Id, string Email)> NewAccountAsync(this PortalFactory factory, string role)
    {
        var email = await factory.CreateUserAsync(role);
        var id = await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return (id, email);
    }

    public static async Task<long> MessageAsync(this PortalFactory factory, string recipient, string subject, int minutesAgo = 0,
        string text = "Erster Absatz.\n\nZweiter Absatz,\nmit einer zweiten Zeile.", string? link = "/Account/Manage", string? label = "Konto öffnen", bool read = false)
    {
        var message = new PortalMessage(recipient, $"test:{Guid.NewGuid():N}", subject, text, link, label, TestClock.UtcNow.AddMinutes(-minutesAgo));
        if (read) message.MarkRead(TestClock.UtcNow);
        await factory.ExecuteAsync(db => db.PortalMessages.Add(message));
        return message.Id;
    }

    public static Task<PortalMessage> StoredMessageAsync(this PortalFactory factory, long id) =>
        factory.QueryAsync(db => db.PortalMessages.AsNoTracking().SingleAsync(m => m.Id == id));
}
