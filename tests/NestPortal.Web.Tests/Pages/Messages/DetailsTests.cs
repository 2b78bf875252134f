using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Data;
using NestPortal.Data.Notifications;
using NestPortal.Web.Authorization;
using NestPortal.Web.Notifications;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Messages;

public sealed class DetailsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Opening_a_message_shows_its_text_and_link_and_marks_it_read()
    {
        var (id, email) = await factory.NewAccountAsync(Roles.Mentor);
        var message = await factory.MessageAsync(id, "Ihre Gruppe wurde zurückgegeben");
        var client = await factory.SignedInAsync(email, Accounts.Password);

        var page = await client.GetPageAsync($"/Messages/Details?id={message}");

        page.QuerySelector("h1")!.TextContent.ShouldBe("Ihre Gruppe wurde zurückgegeben");
        page.QuerySelectorAll("[data-fact=text] p").Select(p => p.TextContent).ShouldBe(["Erster Absatz.", "Zweiter Absatz,\nmit einer zweiten Zeile."]);
        var link = page.QuerySelector("a[data-link]")!;
        link.GetAttribute("href").ShouldBe("/Account/Manage");
        link.TextContent.ShouldBe("Konto öffnen");
        (await factory.StoredMessageAsync(message)).ReadAtUtc.ShouldNotBeNull();
        page.QuerySelector("header a[data-unread]")!.GetAttribute("data-unread").ShouldBe("0", "the header counts after the message was read");
    }

    [Fact]
    public async Task Another_persons_message_and_the_shared_list_of_the_competence_centre_are_not_found_for_others()
    {
        var (_, email) = await factory.NewAccountAsync(Roles.Mentor);
        var (otherId, _) = await factory.NewAccountAsync(Roles.Mentor);
        var theirs = await factory.MessageAsync(otherId, "Fremde Nachricht");
        var shared = await factory.MessageAsync(PortalMessage.CompetenceCentre, "Für das Kompetenzzentrum");
        var client = await factory.SignedInAsync(email, Accounts.Password);

        await client.GetPageAsync($"/Messages/Details?id={theirs}", HttpStatusCode.NotFound);
        await client.GetPageAsync($"/Messages/Details?id={shared}", HttpStatusCode.NotFound);
        await client.GetPageAsync("/Messages/Details?id=999999999", HttpStatusCode.NotFound);
        (await factory.StoredMessageAsync(theirs)).ReadAtUtc.ShouldBeNull();

        var staff = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        (await staff.GetPageAsync($"/Messages/Details?id={shared}")).QuerySelector("[data-shared]").ShouldNotBeNull();
        await staff.GetPageAsync($"/Messages/Details?id={theirs}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_link_that_leads_out_of_the_portal_is_not_shown()
    {
        var (id, email) = await factory.NewAccountAsync(Roles.Mentor);
        var message = await factory.MessageAsync(id, "Umleitung", link: "//example.org/phish");
        var client = await factory.SignedInAsync(email, Accounts.Password);

        (await client.GetPageAsync($"/Messages/Details?id={message}")).QuerySelector("a[data-link]").ShouldBeNull();
    }

    /// <summary>The journey behind every notice: the mail's link, opened signed out, leads through the login to the page it names.</summary>
    [Fact]
    public async Task A_mails_link_opens_the_right_page_after_signing_in()
    {
        var mentor = DemoUsers.All.Single(u => u.Role == Roles.Mentor);
        var groupId = await factory.DemoMentorGroupIdAsync();
        var mentorId = await factory.QueryAsync(db => Task.FromResult(db.Users.Single(u => u.Email == mentor.Email).Id));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Notifier>().ToUsersAsync([mentorId], new Notice($"test-link:{Guid.NewGuid():N}",
                l => new NoticeText(l["Guten Tag,"], [l["Guten Tag,"]], $"/Groups/Details/{groupId}", l["Im Portal öffnen"])));
            await scope.ServiceProvider.GetRequiredService<NestPortalDbContext>().SaveChangesAsync();
        }

        var link = factory.LinkInLatestMailTo(mentor.Email);
        link.ShouldBe($"/Groups/Details/{groupId}");
        var client = factory.CreateBrowserLikeClient();
        var toLogin = await client.GetAsync(link);
        toLogin.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var login = Accounts.LocalPath(toLogin.Location());
        login.ShouldStartWith("/Account/Login?ReturnUrl=");

        var signedIn = await client.PostFormAsync(login, new Dictionary<string, string> { ["Input.Email"] = mentor.Email, ["Input.Password"] = DemoUsers.Password });

        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Location().ShouldBe(link);
        (await client.GetPageAsync(link)).QuerySelector("h1")!.TextContent.ShouldContain("Willkommensteam Hörde");
    }
}
