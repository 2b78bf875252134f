using System.Net;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Groups;

public sealed class IndexTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Url = "/Groups";

    [Fact]
    public async Task Mentor_sees_own_groups_with_municipality_members_and_status()
    {
        var (client, mentor) = await factory.SignedInAsNewMentorAsync();
        await factory.CreateGroupAsync(mentor.Id, "Index B Zweite", ags: "05315000", members: 3);
        await factory.CreateGroupAsync(mentor.Id, "Index A Erste", ags: "05911000", members: 4, submittedOn: TestGroups.Today);

        var page = await client.GetPageAsync(Url);

        var rows = page.TableRows();
        rows.Count.ShouldBe(2);
        rows[0].ShouldBe(["Index A Erste", "Bochum, Stadt", "4", "Eingereicht"]);
        rows[1].ShouldBe(["Index B Zweite", "Köln, Stadt", "3", "Entwurf"]);
        page.QuerySelector("main table a")!.GetAttribute("href").ShouldBe($"/Groups/Details/{await factory.GroupIdAsync("Index A Erste")}");
    }

    [Fact]
    public async Task Demo_mentor_sees_the_seeded_draft_but_not_the_groups_of_others()
    {
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var page = await client.GetPageAsync(Url);
        var names = page.TableRows().Select(r => r[0]).ToList();
        names.ShouldContain("Willkommensteam Hörde");
        names.ShouldNotContain("Patenkreis Bielefeld-Mitte");
        names.ShouldNotContain("Kirchengemeinde St. Lamberti Münster");
    }

    [Fact]
    public async Task Another_mentor_does_not_see_the_group_of_mentor_A()
    {
        await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), "Index Gruppe von A Enzian");
        var (client, _) = await factory.SignedInAsNewMentorAsync();

        var response = await client.GetAsync(Url);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldNotReveal("Enzian");
        html.ShouldNotReveal("Willkommensteam Hörde");
        (await response.ReadHtmlAsync()).MainText().ShouldContain("Sie haben noch keine Mentorengruppe.");
    }

    [Fact]
    public async Task Member_who_registers_with_the_listed_email_sees_the_group()
    {
        var email = $"Neues.Mitglied.{Guid.NewGuid():N}@Beispiel.invalid";
        await factory.CreateGroupAsync(await factory.DemoMentorIdAsync(), "Index Gruppe mit neuem Mitglied", memberEmails: [email.ToLowerInvariant()]);
        var anonymous = factory.CreateBrowserLikeClient();
        var registered = await anonymous.PostFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Neues Mitglied",
            ["Input.Email"] = email,
            ["Input.Password"] = Mentors.Password,
            ["Input.ConfirmPassword"] = Mentors.Password,
        });
        registered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await anonymous.GetAsync(factory.LinkInLatestMailTo(email))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var client = await factory.SignedInAsync(email, Mentors.Password);

        var page = await client.GetPageAsync(Url);

        page.TableRows().Select(r => r[0]).ShouldBe(["Index Gruppe mit neuem Mitglied"]);
    }

    [Fact]
    public async Task Demo_mentor_sees_their_group()
    {
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var page = await client.GetPageAsync("/Groups");
        page.QuerySelector("main table")!.TextContent.ShouldContain("Willkommensteam Hörde");
    }
}
