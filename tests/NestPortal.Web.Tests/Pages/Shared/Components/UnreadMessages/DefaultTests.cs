using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Data;
using NestPortal.Data.Notifications;
using NestPortal.Web.Authorization;
using NestPortal.Web.Notifications;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Shared.Components.UnreadMessages;

/// <summary>"Nachrichten" in the header of every page: the unread count for whoever is signed in, nothing for the anonymous.</summary>
public sealed class DefaultTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Every_page_counts_the_unread_messages_of_the_signed_in_person_with_an_accessible_text()
    {
        var email = await factory.CreateUserAsync(Roles.Mentor);
        var id = await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        foreach (var subject in new[] { "Eins", "Zwei", "Drei" })
            await factory.ExecuteAsync(db => db.PortalMessages.Add(new PortalMessage(id, $"header:{Guid.NewGuid():N}", subject, "Text", null, null, TestClock.UtcNow)));
        await factory.ExecuteAsync(db => db.PortalMessages.Add(new PortalMessage(PortalMessage.CompetenceCentre, $"header:{Guid.NewGuid():N}", "Geteilt", "Text", null, null, TestClock.UtcNow)));
        var client = await factory.SignedInAsync(email, Accounts.Password);

        var page = await client.GetPageAsync("/Groups");

        var link = page.QuerySelector("header a[data-unread]")!;
        link.GetAttribute("href").ShouldBe("/Messages");
        link.GetAttribute("data-unread").ShouldBe("3", "the competence centre's shared list is not a mentor's");
        link.QuerySelector("[aria-hidden=true]")!.TextContent.ShouldBe("3");
        link.QuerySelector(".np-sr-only")!.TextContent.ShouldBe("(3 ungelesene Nachrichten)");
        (await factory.CreateBrowserLikeClient().GetPageAsync("/Account/Login")).QuerySelector("header a[data-unread]").ShouldBeNull();
    }

    [Fact]
    public async Task The_count_is_kept_between_pages_and_counted_afresh_after_a_new_notice_a_reading_and_mark_all_as_read()
    {
        var email = await factory.CreateUserAsync(Roles.Mentor);
        var id = await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var first = await MessageAsync(id, "Eins");
        var client = await factory.SignedInAsync(email, Accounts.Password);
        (await UnreadInHeaderAsync(client)).ShouldBe("1");

        // Counted once: the next page sends one SQL command fewer than the page that counted.
        var again = await factory.CommandsDuringAsync(() => UnreadInHeaderAsync(client));
        factory.Services.GetRequiredService<UnreadCounts>().Forget([id]);
        var recounted = await factory.CommandsDuringAsync(() => UnreadInHeaderAsync(client));
        again.ShouldBe(recounted - 1, "the cached count saves the COUNT");

        // A new notice (the notifier adds it, the caller's save stores it) shows on the next page.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Notifier>().ToUsersAsync([id],
                new Notice($"header:{Guid.NewGuid():N}", l => new NoticeText(l["Guten Tag,"], [l["Guten Tag,"]])));
            await scope.ServiceProvider.GetRequiredService<NestPortalDbContext>().SaveChangesAsync();
        }

        (await UnreadInHeaderAsync(client)).ShouldBe("2");

        // Opening a message reads it: the page that shows it already counts one less.
        var opened = await client.GetPageAsync($"/Messages/Details?id={first}");
        opened.QuerySelector("header a[data-unread]")!.GetAttribute("data-unread").ShouldBe("1");

        // Mark all as read bypasses the change tracker and says so to the cache.
        var response = await client.PostFormAsync("/Messages", new Dictionary<string, string>(), actionContains: "ReadAll");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await UnreadInHeaderAsync(client)).ShouldBe("0");
    }

    [Fact]
    public async Task A_message_to_the_competence_centres_shared_list_shows_at_once_for_its_staff()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var before = int.Parse(await UnreadInHeaderAsync(client), System.Globalization.CultureInfo.InvariantCulture);

        await MessageAsync(PortalMessage.CompetenceCentre, "Geteilt");

        (await UnreadInHeaderAsync(client)).ShouldBe((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<long> MessageAsync(string recipient, string subject)
    {
        var message = new PortalMessage(recipient, $"header:{Guid.NewGuid():N}", subject, "Text", null, null, TestClock.UtcNow);
        await factory.ExecuteAsync(db => db.PortalMessages.Add(message));
        return message.Id;
    }

    private static async Task<string> UnreadInHeaderAsync(HttpClient client) =>
        (await client.GetPageAsync("/Datenquellen")).QuerySelector("header a[data-unread]")!.GetAttribute("data-unread")!;
}
