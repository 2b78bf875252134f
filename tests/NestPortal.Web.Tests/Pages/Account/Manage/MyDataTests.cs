using System.Net;
using System.Text.Json;
using NestPortal.Domain.Documents;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Documents;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Account.Manage;

public sealed class MyDataTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Json = "/Account/Manage/MyData?handler=Json";

    /// <summary>Two mentors with accounts in one group: each export is the signed-in mentor's alone.</summary>
    private async Task<(TestMentor Me, TestMentor Other, string GroupName)> TwoMentorsInOneGroupAsync()
    {
        var me = await factory.CreateMentorAsync(displayName: "Ida Selbst");
        var other = await factory.CreateMentorAsync(displayName: "Otto Anders");
        var name = $"Gemeinsame Gruppe {Guid.NewGuid():N}"[..30];
        await factory.CreateGroupAsync(me.Id, name, memberEmails: [me.Email, other.Email]);
        return (me, other, name);
    }

    [Fact]
    public async Task A_mentor_downloads_their_own_data_and_nothing_of_the_other_member()
    {
        var (me, other, groupName) = await TwoMentorsInOneGroupAsync();
        var client = await factory.SignedInAsync(me.Email, me.Password);

        var response = await client.GetAsync(Json);
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("application/json; charset=utf-8");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldBe($"meine-daten-nestportal-{TestGroups.Today.Iso()}.json");
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        root.GetProperty("account").GetProperty("email").GetString().ShouldBe(me.Email);
        root.GetProperty("account").GetProperty("displayName").GetString().ShouldBe("Ida Selbst");
        var membership = root.GetProperty("memberships").EnumerateArray().ShouldHaveSingleItem();
        membership.GetProperty("email").GetString().ShouldBe(Mentor.NormaliseEmail(me.Email));
        membership.GetProperty("groupName").GetString().ShouldBe(groupName);
        root.GetProperty("groups").EnumerateArray().ShouldHaveSingleItem().GetProperty("createdByThisAccount").GetBoolean().ShouldBeTrue();
        body.ShouldNotContain(other.Email, Case.Insensitive);
        body.ShouldNotContain("Otto Anders");
        body.ShouldNotContain("passwordHash", Case.Insensitive);
    }

    [Fact]
    public async Task Ids_or_addresses_in_the_query_change_nothing()
    {
        var (me, other, _) = await TwoMentorsInOneGroupAsync();
        var client = await factory.SignedInAsync(me.Email, me.Password);

        var body = await client.GetAsync($"{Json}&userId={other.Id}&email={Uri.EscapeDataString(other.Email)}&id={other.Id}")
            .ShouldBeStatusAsync(HttpStatusCode.OK);

        using var json = JsonDocument.Parse(body);
        json.RootElement.GetProperty("account").GetProperty("email").GetString().ShouldBe(me.Email);
        body.ShouldNotContain(other.Email, Case.Insensitive);
    }

    [Fact]
    public async Task The_readable_page_shows_the_same_data()
    {
        var (me, other, groupName) = await TwoMentorsInOneGroupAsync();
        var client = await factory.SignedInAsync(me.Email, me.Password);

        var response = await client.GetAsync("/Account/Manage/MyData");
        var body = await response.Content.ReadAsStringAsync();
        var page = await response.ReadHtmlAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Meine Daten (Art. 15 DSGVO)");
        page.QuerySelector("[data-section='account']")!.TextContent.ShouldContain(me.Email);
        page.QuerySelectorAll("[data-member]").Length.ShouldBe(1);
        page.QuerySelector("[data-list='groups']")!.TextContent.ShouldContain(groupName);
        page.QuerySelector("a[href='/Account/Manage/MyData?handler=Json']").ShouldNotBeNull();
        body.ShouldNotReveal(other.Email);
    }

    [Fact]
    public async Task The_page_and_the_download_name_my_uploads_and_my_groups_documents_but_not_another_groups()
    {
        var (me, other, groupName) = await TwoMentorsInOneGroupAsync();
        var group = await factory.GroupIdAsync(groupName);
        var stranger = await factory.CreateGroupAsync(other.Id, $"Andere Gruppe {Guid.NewGuid():N}"[..25], memberEmails: [other.Email]);
        await factory.AddDocumentAsync(DocumentOwnerKind.Group, group, me.Id, "Erklärung Ida.pdf");
        await factory.AddDocumentAsync(DocumentOwnerKind.Group, stranger, other.Id, "Erklärung Otto.pdf");
        var client = await factory.SignedInAsync(me.Email, me.Password);

        var page = await client.GetPageAsync("/Account/Manage/MyData");
        var json = await client.GetAsync(Json).ShouldBeStatusAsync(HttpStatusCode.OK);

        page.QuerySelector("[data-table='documents']")!.TextContent.ShouldContain("Erklärung Ida.pdf");
        using var parsed = JsonDocument.Parse(json);
        parsed.RootElement.GetProperty("documents").EnumerateArray().ShouldHaveSingleItem().GetProperty("fileName").GetString().ShouldBe("Erklärung Ida.pdf");
        page.QuerySelector("main")!.TextContent.ShouldNotContain("Erklärung Otto.pdf");
    }

    [Fact]
    public async Task Staff_have_no_such_download_and_visitors_must_sign_in()
    {
        var staff = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var body = await staff.GetAsync(Json).ShouldBeStatusAsync(HttpStatusCode.Forbidden);
        body.ShouldNotContain("\"account\"");

        await factory.CreateBrowserLikeClient().GetAsync(Json).ShouldRedirectToLoginAsync();
    }
}
