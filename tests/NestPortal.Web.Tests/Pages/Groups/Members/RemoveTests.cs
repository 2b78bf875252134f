using System.Net;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Groups.Members;

public sealed class RemoveTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Url(int id, int memberId) => $"/Groups/Members/Remove/{id}/{memberId}";

    private async Task<(int GroupId, Mentor Member)> GroupAsync(string name, DateOnly? submittedOn = null)
    {
        var id = await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), name, submittedOn: submittedOn);
        var member = (await factory.LoadGroupAsync(id)).Members.OrderBy(m => m.Id).Last();
        return (id, member);
    }

    [Fact]
    public async Task Asking_removes_nothing()
    {
        var (id, member) = await GroupAsync("Remove Nachfrage");
        var before = await factory.LoadGroupAsync(id);
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var page = await client.GetPageAsync(Url(id, member.Id));

        page.MainText().ShouldContain($"Möchten Sie {member.DisplayName} wirklich aus der Gruppe „Remove Nachfrage“ entfernen?");
        page.QuerySelector("main form button[type=submit]")!.TextContent.Trim().ShouldBe("Ja, entfernen");
        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Fact]
    public async Task Confirming_removes_the_member()
    {
        var (id, member) = await GroupAsync("Remove Bestätigt");
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var response = await client.PostFormAsync(Url(id, member.Id), new Dictionary<string, string>());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"/Groups/Details/{id}");
        var details = await client.GetPageAsync(response.Location());
        details.MainText().ShouldContain($"{member.DisplayName} ist aus der Gruppe entfernt.");
        details.MainText().ShouldContain($"Mitglied entfernt – Miriam Mentorin: {member.DisplayName}");
        details.MainText().ShouldContain("Mitglieder (3)");
        details.MainText().ShouldContain("mindestens 4");

        var saved = await factory.LoadGroupAsync(id);
        saved.Members.Count.ShouldBe(3);
        saved.Members.ShouldNotContain(m => m.Id == member.Id);
    }

    [Fact]
    public async Task Member_of_another_group_in_the_url_is_404()
    {
        var (ownId, _) = await GroupAsync("Remove Eigene Gruppe");
        var (otherId, otherMember) = await GroupAsync("Remove Andere Gruppe");
        var before = await factory.LoadGroupAsync(otherId);
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        await client.GetAsync(Url(ownId, otherMember.Id)).ShouldBeStatusAsync(HttpStatusCode.NotFound);
        await client.PostWithTokenAsync(Url(ownId, otherMember.Id)).ShouldBeStatusAsync(HttpStatusCode.NotFound);

        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Fact]
    public async Task Member_of_another_mentors_group_in_the_url_is_404()
    {
        var (clientB, mentorB) = await factory.SignedInAsNewMentorAsync();
        var ownId = await factory.CreateGroupAsync(mentorB.Id, "Remove Gruppe von B");
        var (otherId, otherMember) = await GroupAsync("Remove Gruppe von A Veilchen");
        var before = await factory.LoadGroupAsync(otherId);

        var get = await clientB.GetAsync(Url(ownId, otherMember.Id)).ShouldBeStatusAsync(HttpStatusCode.NotFound);
        await clientB.PostWithTokenAsync(Url(ownId, otherMember.Id)).ShouldBeStatusAsync(HttpStatusCode.NotFound);

        get.ShouldNotReveal(otherMember.DisplayName);
        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Fact]
    public async Task Submitted_group_keeps_its_members()
    {
        var (id, member) = await GroupAsync("Remove Eingereicht", submittedOn: TestGroups.Today);
        var before = await factory.LoadGroupAsync(id);
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var response = await client.PostFormOpenedBeforeAsync(Url(id, member.Id), new Dictionary<string, string>(), before.ConcurrencyStamp);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).ShouldShowError("Die Gruppe ist eingereicht und kann erst wieder bearbeitet werden, wenn das Kompetenzzentrum sie zurückgibt.");
        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Fact]
    public async Task Stale_version_is_refused_after_someone_else_changed_the_group()
    {
        var (id, member) = await GroupAsync("Remove Gleichzeitig");
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var shownVersion = (await client.GetPageAsync(Url(id, member.Id))).ValueOf("Version")!;
        await factory.ChangeGroupAsync(id, (group, actor, now) =>
            group.ChangeDetails(group.Name, group.HomeMunicipalityAgs, "Plan aus dem anderen Tab", actor, now));
        var before = await factory.LoadGroupAsync(id);

        var response = await client.PostFormAsync(Url(id, member.Id), new Dictionary<string, string> { ["Version"] = shownVersion });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).ShouldShowError("Die Gruppe wurde inzwischen von jemand anderem geändert.");
        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Fact]
    public async Task Anonymous_is_sent_to_login()
    {
        var (id, member) = await GroupAsync("Remove Anonym");
        var before = await factory.LoadGroupAsync(id);
        var client = factory.CreateBrowserLikeClient();
        await client.PostWithTokenAsync(Url(id, member.Id)).ShouldRedirectToLoginAsync();
        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Theory]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.CompetenceCentre)]
    public async Task Staff_get_403(string role)
    {
        var (id, member) = await GroupAsync($"Remove Staff {role}");
        var before = await factory.LoadGroupAsync(id);
        var client = await factory.SignedInAsAsync(role);
        await client.PostWithTokenAsync(Url(id, member.Id)).ShouldBeStatusAsync(HttpStatusCode.Forbidden);
        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Fact]
    public async Task Another_mentor_gets_404_and_nothing_of_the_group()
    {
        var (id, member) = await GroupAsync("Remove Fremdgruppe Tulpe");
        var before = await factory.LoadGroupAsync(id);
        var (client, _) = await factory.SignedInAsNewMentorAsync();

        var get = await client.GetAsync(Url(id, member.Id)).ShouldBeStatusAsync(HttpStatusCode.NotFound);
        var post = await client.PostWithTokenAsync(Url(id, member.Id)).ShouldBeStatusAsync(HttpStatusCode.NotFound);

        get.ShouldNotReveal("Tulpe");
        post.ShouldNotReveal("Tulpe");
        get.ShouldNotReveal(member.DisplayName);
        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Fact]
    public async Task Mentor_listed_as_member_can_remove_a_member()
    {
        var listed = await factory.CreateMentorAsync();
        var id = await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), "Remove Mitglied darf", memberEmails: [listed.Email]);
        var last = (await factory.LoadGroupAsync(id)).Members.OrderBy(m => m.Id).Last();
        var client = await factory.SignedInAsync(listed.Email, listed.Password);

        var response = await client.PostFormAsync(Url(id, last.Id), new Dictionary<string, string>());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.LoadGroupAsync(id)).Members.Count.ShouldBe(3);
    }
}
