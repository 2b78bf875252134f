using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.Pages.Groups.Members;

namespace NestPortal.Web.Tests.Pages.Groups;

public sealed class SubmitTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Url(int id) => $"/Groups/Submit/{id}";
    private static readonly Dictionary<string, string> NoFields = [];

    private async Task<int> GroupAsync(string name, int members = 4, bool withSupportPlan = true) =>
        await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), name, members: members, withSupportPlan: withSupportPlan);

    [Fact]
    public async Task Ready_group_is_asked_about_and_then_submitted()
    {
        var id = await GroupAsync("Submit Bereit");
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var question = await client.GetPageAsync(Url(id));
        question.MainText().ShouldContain("Möchten Sie die Gruppe jetzt einreichen?");
        question.MainText().ShouldContain("Es gelten die Regeln");
        (await factory.LoadGroupAsync(id)).Status.ShouldBe(GroupStatus.Draft);

        var response = await client.PostFormAsync(Url(id), NoFields);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"/Groups/Details/{id}");
        var details = await client.GetPageAsync(response.Location());
        var text = details.MainText();
        text.ShouldContain("Die Gruppe ist eingereicht. Das Kompetenzzentrum für Integration prüft sie jetzt.");
        details.QuerySelector(".status-badge")!.TextContent.ShouldBe("Eingereicht");
        text.ShouldContain($"Eingereicht am {TestGroups.Today.German()}");
        details.QuerySelectorAll("main ol li").Select(li => li.TextContent).ShouldContain(li => li.Contains("Eingereicht – Miriam Mentorin"));
        details.QuerySelector($"main a[href='/Groups/Edit/{id}']").ShouldBeNull();

        var saved = await factory.LoadGroupAsync(id);
        saved.Status.ShouldBe(GroupStatus.Submitted);
        saved.SubmittedOn.ShouldBe(TestGroups.Today);
        var permanent = await factory.QueryAsync(db => db.RuleSets.Where(r => r.ValidFrom == new DateOnly(2022, 7, 1)).Select(r => r.Id).SingleAsync());
        saved.RuleSetId.ShouldBe(permanent);
    }

    [Fact]
    public async Task Submitted_group_can_no_longer_be_edited()
    {
        var id = await GroupAsync("Submit Danach gesperrt");
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        (await client.PostFormAsync(Url(id), NoFields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var before = await factory.LoadGroupAsync(id);
        const string locked = "Die Gruppe ist eingereicht und kann erst wieder bearbeitet werden, wenn das Kompetenzzentrum sie zurückgibt.";

        var edit = await client.PostFormOpenedBeforeAsync($"/Groups/Edit/{id}", new Dictionary<string, string>
        {
            ["Input.Name"] = "Submit Danach umbenannt",
            ["Input.HomeMunicipality"] = "Bochum",
            ["Input.SupportPlan"] = "Nachträglich geändert",
        }, before.ConcurrencyStamp);
        edit.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await edit.ReadHtmlAsync()).ShouldShowError(locked);

        var add = await client.PostFormOpenedBeforeAsync($"/Groups/Members/Add/{id}", MemberFields.Adult("Nach", "Träglich", "nachtraeglich@beispiel.invalid"), before.ConcurrencyStamp);
        add.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await add.ReadHtmlAsync()).ShouldShowError(locked);

        var member = before.Members.First();
        var remove = await client.PostFormOpenedBeforeAsync($"/Groups/Members/Remove/{id}/{member.Id}", NoFields, before.ConcurrencyStamp);
        remove.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await remove.ReadHtmlAsync()).ShouldShowError(locked);

        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Fact]
    public async Task Submit_page_of_a_submitted_group_leads_back_to_the_group()
    {
        var id = await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), "Submit Schon eingereicht", submittedOn: TestGroups.Today);
        var before = await factory.LoadGroupAsync(id);
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var get = await client.GetAsync(Url(id));
        get.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        get.Location().ShouldBe($"/Groups/Details/{id}");

        var post = await client.PostWithTokenAsync(Url(id));
        post.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await post.ReadHtmlAsync()).ShouldShowError("Die Gruppe ist eingereicht und kann erst wieder bearbeitet werden, wenn das Kompetenzzentrum sie zurückgibt.");
        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Fact]
    public async Task After_the_programme_end_a_ready_group_is_refused_naming_the_end_date()
    {
        var id = await GroupAsync("Submit Nach Programmende");
        var before = await factory.LoadGroupAsync(id);
        var ended = $"Das Programm NesT endete am {TestProgrammeEnd.LastDay.German()}; seitdem sind keine Einreichungen mehr möglich.";

        await factory.WhileProgrammeEndedAsync(async () =>
        {
            var client = await factory.SignedInAsAsync(Roles.Mentor);
            var page = await client.GetPageAsync(Url(id));
            page.MainText().ShouldContain(ended);
            page.QuerySelector("main form button[type=submit]").ShouldBeNull();

            var response = await client.PostWithTokenAsync(Url(id));

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.ReadHtmlAsync()).ShouldShowError(ended);
        });
        await factory.ShouldBeUnchangedSinceAsync(before);
        (await factory.LoadGroupAsync(id)).Status.ShouldBe(GroupStatus.Draft);
    }

    [Fact]
    public async Task Group_with_three_members_names_what_is_missing_and_stays_a_draft()
    {
        var id = await GroupAsync("Submit Drei Mitglieder", members: 3);
        var before = await factory.LoadGroupAsync(id);
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var page = await client.GetPageAsync(Url(id));
        page.MainText().ShouldContain("Die Gruppe kann noch nicht eingereicht werden. Es fehlt:");
        page.QuerySelectorAll("main ul.checklist li").Select(li => li.TextContent)
            .ShouldContain(li => li.Contains("Die Gruppe hat 3 Mitglieder;") && li.Contains("braucht sie mindestens 4."));
        page.QuerySelector("main form button[type=submit]").ShouldBeNull();

        var response = await client.PostWithTokenAsync(Url(id));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).ShouldShowError(e => e.Contains("Die Gruppe hat 3 Mitglieder") && e.Contains("mindestens 4"), "naming the 4 members needed");
        await factory.ShouldBeUnchangedSinceAsync(before);
        (await factory.LoadGroupAsync(id)).Status.ShouldBe(GroupStatus.Draft);
    }

    [Fact]
    public async Task Group_without_support_plan_names_it()
    {
        var id = await GroupAsync("Submit Ohne Plan", withSupportPlan: false);
        var before = await factory.LoadGroupAsync(id);
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var response = await client.PostWithTokenAsync(Url(id));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).ShouldShowError("Der Unterstützungsplan fehlt.");
        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Fact]
    public async Task Untrained_member_is_named()
    {
        var id = await GroupAsync("Submit Ohne Schulung");
        await factory.ChangeGroupAsync(id, (group, actor, now) =>
        {
            var member = group.Members.OrderBy(m => m.Id).Last();
            group.ChangeMember(member.Id, MemberDetails.Person("Ohne", "Schulung", member.Email, member.DateOfBirth!.Value),
                null, TestGroups.Today, actor, now);
        });
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var page = await client.GetPageAsync(Url(id));

        page.QuerySelectorAll("main ul.checklist li").Select(li => li.TextContent)
            .ShouldContain(li => li.StartsWith("Für Ohne Schulung ist keine abgeschlossene Schulung"));
    }

    [Fact]
    public async Task Stale_version_is_refused_after_someone_else_changed_the_group()
    {
        var id = await GroupAsync("Submit Gleichzeitig");
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var shownVersion = (await client.GetPageAsync(Url(id))).ValueOf("Version")!;
        await factory.ChangeGroupAsync(id, (group, actor, now) =>
            group.ChangeDetails(group.Name, group.HomeMunicipalityAgs, "Plan aus dem anderen Tab", actor, now));
        var before = await factory.LoadGroupAsync(id);

        var response = await client.PostFormAsync(Url(id), new Dictionary<string, string> { ["Version"] = shownVersion });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).ShouldShowError("Die Gruppe wurde inzwischen von jemand anderem geändert.");
        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Fact]
    public async Task Anonymous_is_sent_to_login()
    {
        var id = await GroupAsync("Submit Anonym");
        var before = await factory.LoadGroupAsync(id);
        var client = factory.CreateBrowserLikeClient();
        await client.PostWithTokenAsync(Url(id)).ShouldRedirectToLoginAsync();
        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Theory]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.CompetenceCentre)]
    public async Task Staff_get_403(string role)
    {
        var id = await GroupAsync($"Submit Staff {role}");
        var before = await factory.LoadGroupAsync(id);
        var client = await factory.SignedInAsAsync(role);
        await client.PostWithTokenAsync(Url(id)).ShouldBeStatusAsync(HttpStatusCode.Forbidden);
        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Fact]
    public async Task Another_mentor_gets_404_and_nothing_of_the_group()
    {
        var id = await GroupAsync("Submit Fremdgruppe Akelei");
        var before = await factory.LoadGroupAsync(id);
        var (client, _) = await factory.SignedInAsNewMentorAsync();

        var get = await client.GetAsync(Url(id)).ShouldBeStatusAsync(HttpStatusCode.NotFound);
        var post = await client.PostWithTokenAsync(Url(id)).ShouldBeStatusAsync(HttpStatusCode.NotFound);

        get.ShouldNotReveal("Akelei");
        post.ShouldNotReveal("Akelei");
        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Fact]
    public async Task Mentor_listed_as_member_can_submit()
    {
        var member = await factory.CreateMentorAsync();
        var id = await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), "Submit Mitglied reicht ein", memberEmails: [member.Email]);
        var client = await factory.SignedInAsync(member.Email, member.Password);

        var response = await client.PostFormAsync(Url(id), NoFields);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.LoadGroupAsync(id)).Status.ShouldBe(GroupStatus.Submitted);
    }
}
