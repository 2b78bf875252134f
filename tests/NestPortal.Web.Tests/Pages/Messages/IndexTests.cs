using System.Net;
using NestPortal.Data.Notifications;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Messages;

public sealed class IndexTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_person_sees_their_own_messages_newest_first_with_the_unread_ones_marked_and_counted_in_the_header()
    {
        var (id, email) = await factory.NewAccountAsync(Roles.Mentor);
        var (otherId, _) = await factory.NewAccountAsync(Roles.Mentor);
        var older = await factory.MessageAsync(id, "Ältere Nachricht", minutesAgo: 60);
        await factory.MessageAsync(id, "Neuere Nachricht", minutesAgo: 5);
        await factory.MessageAsync(id, "Gelesene Nachricht", minutesAgo: 30, read: true);
        await factory.MessageAsync(otherId, "Nachricht an jemand anderen");
        await factory.MessageAsync(PortalMessage.CompetenceCentre, "Nur für das Kompetenzzentrum");
        var client = await factory.SignedInAsync(email, Accounts.Password);

        var page = await client.GetPageAsync("/Messages");

        var items = page.QuerySelectorAll("#messages li").ToList();
        items.Select(i => i.QuerySelector("a")!.TextContent).ShouldBe(["Neuere Nachricht", "Gelesene Nachricht", "Ältere Nachricht"]);
        items.Select(i => i.QuerySelector("[data-unread]") is not null).ShouldBe([true, false, true]);
        items[2].QuerySelector("a")!.GetAttribute("href").ShouldBe($"/Messages/Details?id={older}");
        page.QuerySelector("[data-fact=unread]")!.TextContent.ShouldBe("2 ungelesene Nachrichten");
        var header = page.QuerySelector("header a[data-unread]")!;
        header.GetAttribute("data-unread").ShouldBe("2");
        header.QuerySelector(".np-sr-only")!.TextContent.ShouldBe("(2 ungelesene Nachrichten)");
        header.GetAttribute("aria-current").ShouldBe("page");
    }

    [Fact]
    public async Task The_competence_centres_staff_also_see_its_shared_list_marked_as_such()
    {
        var subject = $"Gruppe eingereicht {Guid.NewGuid():N}";
        await factory.MessageAsync(PortalMessage.CompetenceCentre, subject);
        // Staff read messages with their second factor: the demo account passes it here.
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var item = (await client.GetPageAsync("/Messages")).QuerySelectorAll("#messages li").Single(i => i.QuerySelector("a")!.TextContent == subject);

        item.QuerySelector("[data-shared]")!.TextContent.ShouldBe("Postfach des Kompetenzzentrums");
    }

    [Fact]
    public async Task Mark_all_as_read_reads_ones_own_messages_and_leaves_others_alone()
    {
        var (id, email) = await factory.NewAccountAsync(Roles.Mentor);
        var (otherId, _) = await factory.NewAccountAsync(Roles.Mentor);
        var mine = new[] { await factory.MessageAsync(id, "Eins"), await factory.MessageAsync(id, "Zwei") };
        var theirs = await factory.MessageAsync(otherId, "Fremd");
        var client = await factory.SignedInAsync(email, Accounts.Password);

        var response = await client.PostFormAsync("/Messages", new Dictionary<string, string>(), actionContains: "ReadAll");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await client.GetPageAsync(response.Location());
        page.QuerySelector("main [role=status]")!.TextContent.ShouldBe("2 Nachrichten als gelesen markiert.");
        page.QuerySelector("header a[data-unread]")!.GetAttribute("data-unread").ShouldBe("0");
        page.QuerySelector("header a[data-unread] .np-sr-only").ShouldBeNull();
        foreach (var message in mine) (await factory.StoredMessageAsync(message)).ReadAtUtc.ShouldNotBeNull();
        (await factory.StoredMessageAsync(theirs)).ReadAtUtc.ShouldBeNull();
    }

    [Fact]
    public async Task The_list_pages_and_an_empty_list_says_so()
    {
        var (id, email) = await factory.NewAccountAsync(Roles.Mentor);
        var client = await factory.SignedInAsync(email, Accounts.Password);
        (await client.GetPageAsync("/Messages")).QuerySelector("main [role=status]")!.TextContent.ShouldBe("Sie haben keine Nachrichten.");

        for (var i = 0; i < 21; i++) await factory.MessageAsync(id, $"Nachricht {i:00}", minutesAgo: i);

        (await client.GetPageAsync("/Messages")).QuerySelectorAll("#messages li").Count().ShouldBe(20);
        var second = await client.GetPageAsync("/Messages?pageNumber=2");
        second.QuerySelectorAll("#messages li a").Select(a => a.TextContent).ShouldBe(["Nachricht 20"]);
    }

    [Fact]
    public async Task The_list_is_in_English_for_English_readers()
    {
        var (id, email) = await factory.NewAccountAsync(Roles.Mentor);
        await factory.MessageAsync(id, "Betreff");
        var client = await factory.SignedInAsync(email, Accounts.Password);

        var page = await client.GetPageAsync("/Messages?culture=en");

        page.QuerySelector("h1")!.TextContent.ShouldBe("Messages");
        page.QuerySelector("[data-fact=unread]")!.TextContent.ShouldBe("1 unread message");
        page.QuerySelector("main form button")!.TextContent.ShouldBe("Mark all as read");
    }

    [Fact]
    public async Task The_anonymous_are_sent_to_sign_in_and_staff_to_their_second_factor()
    {
        await factory.CreateBrowserLikeClient().GetAsync("/Messages").ShouldRedirectToLoginAsync();
        var staff = await factory.SignedInAsync((await factory.NewAccountAsync(Roles.Municipality)).Email, Accounts.Password);
        var response = await staff.GetAsync("/Messages");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldStartWith("/Account/Manage/TwoFactor?returnUrl=");
    }
}
