using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Groups;

public sealed class CreateTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Url = "/Groups/Create";

    private static Dictionary<string, string> Fields(string name, string municipality, string supportPlan = "") => new()
    {
        ["Input.Name"] = name,
        ["Input.HomeMunicipality"] = municipality,
        ["Input.SupportPlan"] = supportPlan,
    };

    [Theory]
    [InlineData("Bochum")]
    [InlineData("05911000")]
    [InlineData("Bochum, Stadt (44787) – 05911000")]
    [InlineData("44787")]
    public async Task Mentor_creates_a_group_and_sees_it(string municipality)
    {
        var name = $"Willkommen in Bochum {Guid.NewGuid():N}"[..40];
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var response = await client.PostFormAsync(Url, Fields(name, municipality));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await factory.GroupIdAsync(name);
        response.Location().ShouldBe($"/Groups/Details/{id}");
        var details = await client.GetPageAsync(response.Location());
        details.QuerySelector("h1")!.TextContent.ShouldBe(name);
        details.MainText().ShouldContain("Die Gruppe ist angelegt.");
        details.MainText().ShouldContain("Bochum, Stadt (44787) – 05911000");
        details.MainText().ShouldContain("Entwurf");

        var saved = await factory.LoadGroupAsync(id);
        saved.HomeMunicipalityAgs.Value.ShouldBe("05911000");
        saved.CreatedByUserId.ShouldBe(await factory.DemoMentorIdAsync());
        saved.Status.ShouldBe(Domain.MentoringGroups.GroupStatus.Draft);
    }

    [Fact]
    public async Task Support_plan_given_at_creation_is_saved()
    {
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var response = await client.PostFormAsync(Url, Fields("Patenkreis mit Plan", "Münster", "Wohnungssuche und Deutschkurs"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await factory.LoadGroupAsync(await factory.GroupIdAsync("Patenkreis mit Plan"));
        saved.SupportPlan.ShouldBe("Wohnungssuche und Deutschkurs");
        saved.HomeMunicipalityAgs.Value.ShouldBe("05515000");
    }

    [Fact]
    public async Task Form_offers_the_municipalities_of_NRW()
    {
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var page = await client.GetPageAsync(Url);
        var options = page.QuerySelectorAll("datalist#municipalities option").Select(o => o.GetAttribute("value")).ToList();
        options.Count.ShouldBe(396);
        options.ShouldContain("Bochum, Stadt (44787) – 05911000");
        page.MainText().ShouldContain("Es gelten die Regeln");
    }

    [Fact]
    public async Task Every_label_names_its_field()
    {
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var page = await client.GetPageAsync(Url);
        var labels = page.QuerySelectorAll("main form label").ToList();
        labels.Count.ShouldBeGreaterThan(0);
        foreach (var label in labels)
        {
            var target = label.GetAttribute("for");
            page.GetElementById(target ?? "").ShouldNotBeNull($"the label „{label.TextContent.Trim()}“ points to id '{target}', which no field has");
        }
    }

    [Fact]
    public async Task Empty_name_is_refused()
    {
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var countBefore = await factory.QueryAsync(db => db.MentoringGroups.CountAsync());

        var response = await client.PostFormAsync(Url, Fields("", "Bochum", "Unser Plan"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("Name der Gruppe");
        page.Errors().ShouldNotContain(e => e.Contains("field is required"), "an English framework message on a German page");
        page.ValueOf("Input.HomeMunicipality").ShouldBe("Bochum");
        page.ValueOf("Input.SupportPlan").ShouldBe("Unser Plan");
        (await factory.QueryAsync(db => db.MentoringGroups.CountAsync())).ShouldBe(countBefore);
    }

    [Fact]
    public async Task Name_of_10000_characters_is_refused()
    {
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var name = new string('x', 10_000);

        var response = await client.PostFormAsync(Url, Fields(name, "Bochum"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError(e => e.Contains("Name der Gruppe") && e.Contains("200"), "naming the field and its 200 characters");
        page.ValueOf("Input.Name").ShouldBe(name);
        (await factory.QueryAsync(db => db.MentoringGroups.CountAsync(g => g.Name.StartsWith("xxxxxxxxxx")))).ShouldBe(0);
    }

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("09162000")]
    public async Task Municipality_outside_NRW_is_refused(string municipality)
    {
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var name = $"Gruppe in {municipality}";

        var response = await client.PostFormAsync(Url, Fields(name, municipality));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("Bitte wählen Sie eine Kommune in Nordrhein-Westfalen aus der Liste.");
        page.ValueOf("Input.Name").ShouldBe(name);
        page.ValueOf("Input.HomeMunicipality").ShouldBe(municipality);
        (await factory.GroupCountAsync(name)).ShouldBe(0);
    }

    [Fact]
    public async Task A_mentors_own_postcode_that_is_not_the_town_halls_is_refused_with_a_hint_to_search_by_name()
    {
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        const string name = "Gruppe in Hombruch";

        var response = await client.PostFormAsync(Url, Fields(name, "44225"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("Zur Postleitzahl 44225 ist keine Kommune verzeichnet. Das Gemeindeverzeichnis kennt je Kommune nur die Postleitzahl des Rathauses; bitte suchen Sie nach dem Namen der Kommune.");
        page.ValueOf("Input.HomeMunicipality").ShouldBe("44225");
        (await factory.GroupCountAsync(name)).ShouldBe(0);
    }

    [Fact]
    public async Task Empty_municipality_is_refused()
    {
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var response = await client.PostFormAsync(Url, Fields("Gruppe ohne Kommune", ""));

        var page = await response.ReadHtmlAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.ShouldShowError("Kommune");
        page.Errors().ShouldNotContain(e => e.Contains("field is required"), "an English framework message on a German page");
        page.ValueOf("Input.Name").ShouldBe("Gruppe ohne Kommune");
        (await factory.GroupCountAsync("Gruppe ohne Kommune")).ShouldBe(0);
    }

    [Fact]
    public async Task Support_plan_of_10000_characters_is_refused()
    {
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var plan = new string('p', 10_000);

        var response = await client.PostFormAsync(Url, Fields("Gruppe mit langem Plan", "Bochum", plan));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError(e => e.Contains("Unterstützungsplan") && e.Contains("8000"), "naming the support plan and its 8000 characters");
        page.ValueOf("Input.SupportPlan").ShouldBe(plan);
        (await factory.GroupCountAsync("Gruppe mit langem Plan")).ShouldBe(0);
    }

    [Fact]
    public async Task Script_in_the_name_is_saved_but_shown_as_text()
    {
        const string name = "<script>alert(1)</script> Hilfe";
        var client = await factory.SignedInAsAsync(Roles.Mentor);

        var response = await client.PostFormAsync(Url, Fields(name, "Bochum"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.GroupCountAsync(name)).ShouldBe(1);
        var html = await (await client.GetAsync(response.Location())).Content.ReadAsStringAsync();
        html.ShouldNotContain("<script>alert(1)</script>");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        var list = await (await client.GetAsync("/Groups")).Content.ReadAsStringAsync();
        list.ShouldNotContain("<script>alert(1)</script>");
    }

    [Fact]
    public async Task Anonymous_is_sent_to_login()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.PostWithTokenAsync(Url, Fields("Anonyme Gruppe", "Bochum")).ShouldRedirectToLoginAsync();
        (await factory.GroupCountAsync("Anonyme Gruppe")).ShouldBe(0);
    }

    [Theory]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.CompetenceCentre)]
    public async Task Staff_get_403(string role)
    {
        var client = await factory.SignedInAsAsync(role);
        await client.PostWithTokenAsync(Url, Fields($"Gruppe von {role}", "Bochum")).ShouldBeStatusAsync(HttpStatusCode.Forbidden);
        (await factory.GroupCountAsync($"Gruppe von {role}")).ShouldBe(0);
    }
}
