using Microsoft.EntityFrameworkCore;
using NestPortal.Data.Notifications;
using NestPortal.Web.Authorization;
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
}
