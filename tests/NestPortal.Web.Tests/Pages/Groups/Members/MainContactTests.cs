using System.Net;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Groups.Members;

public sealed class MainContactTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Url(int id, int memberId) => $"/Groups/Members/MainContact/{id}/{memberId}";

    private const string MainContactWarning = "Es gibt nur noch 1 Hauptansprechperson; die Gruppe braucht 2. Bitte benennen Sie eine neue.";

    [Fact]
    public async Task After_a_main_contact_left_another_member_is_appointed_and_the_warning_goes()
    {
        var (id, members) = await factory.ApprovedGroupAsync("Hauptkontakt Ersatz");
        await factory.LeaveAsync(id, members[0].Id);
        await factory.AddReplacementAsync(id);
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var warned = await client.GetPageAsync($"/Groups/Details/{id}");
        warned.QuerySelector("[data-warning=staffing]")!.TextContent.ShouldContain(MainContactWarning);
        warned.QuerySelector($"main a[href='{Url(id, members[2].Id)}']").ShouldNotBeNull("appointing is offered while one is missing");

        var form = await client.GetPageAsync(Url(id, members[2].Id));
        form.MainText().ShouldContain($"Soll {members[2].DisplayName} Hauptansprechperson der Gruppe „Hauptkontakt Ersatz“ werden?");
        form.MainText().ShouldContain("Nach den Regeln „NesT Regelprogramm“ braucht die Gruppe 2 Hauptansprechpersonen; derzeit hat sie 1.");
        var response = await client.PostFormAsync(Url(id, members[2].Id), new Dictionary<string, string>());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"/Groups/Details/{id}");
        var details = await client.GetPageAsync(response.Location());
        details.MainText().ShouldContain($"{members[2].DisplayName} ist jetzt Hauptansprechperson.");
        details.MainText().ShouldContain($"Hauptansprechperson benannt – Miriam Mentorin: {members[2].DisplayName}");
        details.QuerySelector("[data-warning]").ShouldBeNull();
        details.QuerySelector($"main a[href^='/Groups/Members/MainContact/']").ShouldBeNull("no more are needed");
        var saved = await factory.LoadGroupAsync(id);
        saved.Members.Single(m => m.Id == members[2].Id).IsMainContact.ShouldBeTrue();
        saved.ActiveMainContactCount.ShouldBe(2);
    }

    [Fact]
    public async Task Appointing_when_there_are_enough_main_contacts_is_refused_and_nothing_saved()
    {
        var (id, members) = await factory.ApprovedGroupAsync("Hauptkontakt Genug");
        var before = await factory.LoadGroupAsync(id);
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var response = await client.PostFormAsync(Url(id, members[2].Id), new Dictionary<string, string>());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).ShouldShowError("Es gibt schon 2 Hauptansprechpersonen.");
        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Fact]
    public async Task A_member_who_left_cannot_be_appointed()
    {
        var (id, members) = await factory.ApprovedGroupAsync("Hauptkontakt Ausgeschieden");
        await factory.LeaveAsync(id, members[0].Id);
        await factory.LeaveAsync(id, members[3].Id);
        var before = await factory.LoadGroupAsync(id);
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var response = await client.PostFormAsync(Url(id, members[3].Id), new Dictionary<string, string>());

        (await response.ReadHtmlAsync()).ShouldShowError($"{members[3].DisplayName} ist ausgeschieden und kann keine Hauptansprechperson werden.");
        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Theory]
    [InlineData(Roles.CompetenceCentre)]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.Administrator)]
    public async Task Other_roles_are_refused(string role)
    {
        var (id, members) = await factory.ApprovedGroupAsync("Hauptkontakt Rolle " + role);
        await factory.LeaveAsync(id, members[0].Id);
        var before = await factory.LoadGroupAsync(id);
        var client = await factory.SignedInAsAsync(role);

        await client.PostWithTokenAsync(Url(id, members[2].Id)).ShouldBeStatusAsync(HttpStatusCode.Forbidden);

        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Fact]
    public async Task A_mentor_of_another_group_gets_404_and_nothing_of_the_record()
    {
        var (clientB, mentorB) = await factory.SignedInAsNewMentorAsync();
        var (ownId, _) = await factory.ApprovedGroupAsync("Hauptkontakt Gruppe von B", mentorB.Id);
        var (otherId, otherMembers) = await factory.ApprovedGroupAsync("Hauptkontakt Gruppe von A Moosgrün");
        await factory.LeaveAsync(otherId, otherMembers[0].Id);
        var before = await factory.LoadGroupAsync(otherId);

        foreach (var url in new[] { Url(otherId, otherMembers[2].Id), Url(ownId, otherMembers[2].Id) })
        {
            var body = await clientB.GetAsync(url).ShouldBeStatusAsync(HttpStatusCode.NotFound);
            body.ShouldNotReveal(otherMembers[2].DisplayName);
            body.ShouldNotReveal("Moosgrün");
            await clientB.PostWithTokenAsync(url).ShouldBeStatusAsync(HttpStatusCode.NotFound);
        }

        await factory.ShouldBeUnchangedSinceAsync(before);
    }
}
