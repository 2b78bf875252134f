using System.Net;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Groups;

public sealed class EditTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Url(int id) => $"/Groups/Edit/{id}";

    private static Dictionary<string, string> Fields(string name, string municipality, string supportPlan) => new()
    {
        ["Input.Name"] = name,
        ["Input.HomeMunicipality"] = municipality,
        ["Input.SupportPlan"] = supportPlan,
    };

    private async Task<int> DemoMentorsGroupAsync(string name, DateOnly? submittedOn = null, string? returnRemarks = null) =>
        await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), name, submittedOn: submittedOn, returnRemarks: returnRemarks);

    [Fact]
    public async Task Form_shows_the_current_details()
    {
        var id = await DemoMentorsGroupAsync("Edit Formular Bochum");
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var page = await client.GetPageAsync(Url(id));

        page.ValueOf("Input.Name").ShouldBe("Edit Formular Bochum");
        page.ValueOf("Input.HomeMunicipality").ShouldBe("Bochum, Stadt (44787) – 05911000");
        page.ValueOf("Input.SupportPlan").ShouldBe(TestGroups.SupportPlan);
    }

    [Fact]
    public async Task Mentor_changes_name_municipality_and_support_plan()
    {
        var id = await DemoMentorsGroupAsync("Edit Vorher");
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var response = await client.PostFormAsync(Url(id), Fields("Edit Nachher", "Hamm", "Neuer Plan: Arzttermine übernimmt Frau Vogel."));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"/Groups/Details/{id}");
        var details = await client.GetPageAsync(response.Location());
        details.MainText().ShouldContain("Die Angaben sind gespeichert.");
        details.QuerySelector("h1")!.TextContent.ShouldBe("Edit Nachher");
        details.MainText().ShouldContain("Hamm, Stadt (59065) – 05915000");
        details.QuerySelector(".support-plan")!.TextContent.ShouldBe("Neuer Plan: Arzttermine übernimmt Frau Vogel.");
        details.MainText().ShouldContain("Angaben geändert – Miriam Mentorin");

        var saved = await factory.LoadGroupAsync(id);
        saved.Name.ShouldBe("Edit Nachher");
        saved.HomeMunicipalityAgs.Value.ShouldBe("05915000");
        saved.SupportPlan.ShouldBe("Neuer Plan: Arzttermine übernimmt Frau Vogel.");
    }

    [Fact]
    public async Task Empty_name_is_refused_and_nothing_saved()
    {
        var id = await DemoMentorsGroupAsync("Edit Leerer Name");
        var before = await factory.LoadGroupAsync(id);
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var response = await client.PostFormAsync(Url(id), Fields("", "Hamm", "Geänderter Plan"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("Name der Gruppe");
        page.Errors().ShouldNotContain(e => e.Contains("field is required"), "an English framework message on a German page");
        page.ValueOf("Input.HomeMunicipality").ShouldBe("Hamm");
        page.ValueOf("Input.SupportPlan").ShouldBe("Geänderter Plan");
        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Fact]
    public async Task Name_of_10000_characters_is_refused_and_nothing_saved()
    {
        var id = await DemoMentorsGroupAsync("Edit Langer Name");
        var before = await factory.LoadGroupAsync(id);
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var name = new string('n', 10_000);

        var response = await client.PostFormAsync(Url(id), Fields(name, "Bochum", TestGroups.SupportPlan));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError(e => e.Contains("Name der Gruppe") && e.Contains("200"), "naming the field and its 200 characters");
        page.ValueOf("Input.Name").ShouldBe(name);
        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("09162000")]
    public async Task Municipality_outside_NRW_is_refused_and_nothing_saved(string municipality)
    {
        var name = $"Edit Kommune {municipality}";
        var id = await DemoMentorsGroupAsync(name);
        var before = await factory.LoadGroupAsync(id);
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var response = await client.PostFormAsync(Url(id), Fields(name + " neu", municipality, TestGroups.SupportPlan));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("Bitte wählen Sie eine Kommune in Nordrhein-Westfalen aus der Liste.");
        page.ValueOf("Input.Name").ShouldBe(name + " neu");
        page.ValueOf("Input.HomeMunicipality").ShouldBe(municipality);
        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Fact]
    public async Task Support_plan_of_10000_characters_is_refused_and_nothing_saved()
    {
        var id = await DemoMentorsGroupAsync("Edit Langer Plan");
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var plan = new string('p', 10_000);

        var response = await client.PostFormAsync(Url(id), Fields("Edit Langer Plan", "Bochum", plan));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError(e => e.Contains("Unterstützungsplan") && e.Contains("8000"), "naming the support plan and its 8000 characters");
        page.ValueOf("Input.SupportPlan").ShouldBe(plan);
        (await factory.LoadGroupAsync(id)).SupportPlan.ShouldBe(TestGroups.SupportPlan);
    }

    [Fact]
    public async Task Stale_version_is_refused_after_someone_else_changed_the_group()
    {
        var id = await DemoMentorsGroupAsync("Edit Gleichzeitig");
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var form = await client.GetPageAsync(Url(id));
        var shownVersion = form.ValueOf("Version")!;
        await factory.ChangeGroupAsync(id, (group, actor, now) =>
            group.ChangeDetails(group.Name, group.HomeMunicipalityAgs, "Plan aus dem anderen Tab", actor, now));

        var response = await client.PostFormAsync(Url(id), new Dictionary<string, string>(Fields("Edit Gleichzeitig mein Name", "Bochum", "Mein Plan"))
        {
            ["Version"] = shownVersion,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("Die Gruppe wurde inzwischen von jemand anderem geändert.");
        page.ValueOf("Input.Name").ShouldBe("Edit Gleichzeitig mein Name");
        page.ValueOf("Input.SupportPlan").ShouldBe("Mein Plan");
        var saved = await factory.LoadGroupAsync(id);
        saved.Name.ShouldBe("Edit Gleichzeitig");
        saved.SupportPlan.ShouldBe("Plan aus dem anderen Tab");
    }

    [Fact]
    public async Task Submitted_group_cannot_be_changed()
    {
        var id = await DemoMentorsGroupAsync("Edit Eingereicht", submittedOn: TestGroups.Today);
        var before = await factory.LoadGroupAsync(id);
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var response = await client.PostFormOpenedBeforeAsync(Url(id), Fields("Edit Eingereicht geändert", "Hamm", "Anderer Plan"), before.ConcurrencyStamp);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("Die Gruppe ist eingereicht und kann erst wieder bearbeitet werden, wenn das Kompetenzzentrum sie zurückgibt.");
        await factory.ShouldBeUnchangedSinceAsync(before);
        (await factory.LoadGroupAsync(id)).Status.ShouldBe(GroupStatus.Submitted);
    }

    [Fact]
    public async Task Returned_group_can_be_changed_again()
    {
        var id = await DemoMentorsGroupAsync("Edit Zurückgegeben", submittedOn: TestGroups.Today, returnRemarks: "Bitte Plan ergänzen.");
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var response = await client.PostFormAsync(Url(id), Fields("Edit Zurückgegeben", "Bochum", "Ergänzt: Arzttermine."));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await factory.LoadGroupAsync(id);
        saved.SupportPlan.ShouldBe("Ergänzt: Arzttermine.");
        saved.Status.ShouldBe(GroupStatus.Returned);
    }

    [Fact]
    public async Task Anonymous_is_sent_to_login()
    {
        var id = await DemoMentorsGroupAsync("Edit Anonym");
        var before = await factory.LoadGroupAsync(id);
        var client = factory.CreateBrowserLikeClient();
        await client.PostWithTokenAsync(Url(id), Fields("Edit Anonym gehackt", "Bochum", "x")).ShouldRedirectToLoginAsync();
        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Theory]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.CompetenceCentre)]
    public async Task Staff_get_403(string role)
    {
        var name = $"Edit Staff {role}";
        var id = await DemoMentorsGroupAsync(name);
        var before = await factory.LoadGroupAsync(id);
        var client = await factory.SignedInAsAsync(role);
        await client.PostWithTokenAsync(Url(id), Fields(name + " geändert", "Hamm", "x")).ShouldBeStatusAsync(HttpStatusCode.Forbidden);
        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Fact]
    public async Task Another_mentor_gets_404_and_nothing_of_the_group()
    {
        var id = await DemoMentorsGroupAsync("Edit Fremdgruppe Sonnenblume");
        var before = await factory.LoadGroupAsync(id);
        var (client, _) = await factory.SignedInAsNewMentorAsync();

        var get = await client.GetAsync(Url(id)).ShouldBeStatusAsync(HttpStatusCode.NotFound);
        var post = await client.PostWithTokenAsync(Url(id), Fields("Übernommen", "Hamm", "x")).ShouldBeStatusAsync(HttpStatusCode.NotFound);

        get.ShouldNotReveal("Sonnenblume");
        post.ShouldNotReveal("Sonnenblume");
        get.ShouldContain("Seite nicht gefunden");
        await factory.ShouldBeUnchangedSinceAsync(before);
    }

    [Fact]
    public async Task Unknown_group_is_404()
    {
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        await client.GetAsync(Url(987654)).ShouldBeStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Mentor_listed_as_member_can_change_the_group()
    {
        var member = await factory.CreateMentorAsync();
        var id = await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), "Edit Mitglied darf", memberEmails: [member.Email.ToUpperInvariant()]);
        var client = await factory.SignedInAsync(member.Email, member.Password);

        var response = await client.PostFormAsync(Url(id), Fields("Edit Mitglied darf", "Bochum", "Plan vom Mitglied"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await factory.LoadGroupAsync(id);
        saved.SupportPlan.ShouldBe("Plan vom Mitglied");
        saved.History.ShouldContain(h => h.Action == GroupAction.DetailsChanged && h.ActorUserId == member.Id);
    }
}
