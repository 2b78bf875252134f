using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NestPortal.Data.Notifications;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Browser.Tests;

/// <summary>
/// Messages in the portal: the header counts the unread ones, the list marks them, opening one reads it
/// and its button leads into the portal; on a laptop and a phone, in German and English.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MessagesJourneyTests(BrowserHost host)
{
    [Theory]
    [InlineData("de-DE")]
    [InlineData("en")]
    public async Task A_mentor_sees_the_unread_count_reads_a_message_and_follows_its_link(string culture)
    {
        var email = $"nachrichten-{Guid.NewGuid():N}@beispiel.invalid";
        var id = await host.CreateUserAsync(email, "Nora Nachricht", Roles.Mentor);
        foreach (var (subject, minutes) in new[] { ("Ihre Gruppe wurde zurückgegeben", 5), ("Ihre Gruppe wurde genehmigt", 60) })
        {
            var message = new PortalMessage(id, $"journey:{Guid.NewGuid():N}", subject,
                "Bitte überarbeiten Sie die Angaben.\n\nDie Anmerkungen der Prüfung finden Sie bei der Gruppe.", "/Account/Manage", "Mein Konto öffnen",
                TestClock.UtcNow.AddMinutes(-minutes));
            await host.Factory.ExecuteAsync(db => db.PortalMessages.Add(message));
        }

        var page = await host.NewPageAsync(culture);
        await host.SignInAsync(page, email, BrowserHost.TestPassword);
        var badge = page.Locator("header a[data-unread]");
        await Assertions.Expect(badge.Locator(".np-sr-only")).ToHaveTextAsync(culture == "en" ? "(2 unread messages)" : "(2 ungelesene Nachrichten)");

        await badge.ClickAsync();
        await Assertions.Expect(page.Locator("#messages li")).ToHaveCountAsync(2);
        await BrowserHost.AssertAccessibleAndFitsAsync(page);

        await page.Locator("#messages li a").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ihre Gruppe wurde zurückgegeben");
        await Assertions.Expect(badge.Locator(".np-sr-only")).ToHaveTextAsync(culture == "en" ? "(1 unread message)" : "(1 ungelesene Nachricht)");
        await BrowserHost.AssertAccessibleAndFitsAsync(page);

        await page.Locator("a[data-link]").ClickAsync();
        await page.WaitForURLAsync("**/Account/Manage");
        (await host.Factory.QueryAsync(db => db.PortalMessages.CountAsync(m => m.RecipientKey == id && m.ReadAtUtc == null))).ShouldBe(1);
    }
}
