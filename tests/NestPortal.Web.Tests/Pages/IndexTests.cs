using System.Net;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages;

/// <summary>The start page: visitors learn what the portal is for; signed-in people go straight to their work.</summary>
public sealed class IndexTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Visitors_learn_what_the_portal_is_for_and_where_to_register_or_sign_in()
    {
        var page = await factory.CreateBrowserLikeClient().GetPageAsync("/");

        page.QuerySelector("h1")!.TextContent.ShouldBe("Neustart im Team in Nordrhein-Westfalen");
        page.MainText().ShouldContain("nehmen Mentorengruppen geflüchtete Familien auf");
        page.QuerySelector("main a[href='/Account/Register']")!.TextContent.ShouldBe("Als Mentorin oder Mentor registrieren");
        page.QuerySelector("main a[href='/Account/Login']")!.TextContent.ShouldBe("Anmelden");
    }

    [Fact]
    public async Task The_footer_links_the_legal_pages_on_every_page_in_both_languages()
    {
        var client = factory.CreateBrowserLikeClient();
        foreach (var (url, imprint, privacy, accessibility) in new[]
                 {
                     ("/", "Impressum", "Datenschutz", "Barrierefreiheit"),
                     ("/Account/Login?culture=en", "Legal notice", "Privacy", "Accessibility"),
                 })
        {
            var page = await client.GetPageAsync(url);

            page.QuerySelector("footer a[href='/Impressum']")!.TextContent.ShouldBe(imprint, url);
            page.QuerySelector("footer a[href='/Datenschutz']")!.TextContent.ShouldBe(privacy, url);
            page.QuerySelector("footer a[href='/Barrierefreiheit']")!.TextContent.ShouldBe(accessibility, url);
        }
    }

    [Fact]
    public async Task After_the_programme_end_visitors_read_that_it_takes_no_new_groups()
    {
        var before = await factory.CreateBrowserLikeClient().GetPageAsync("/");
        before.QuerySelector("[data-fact='programme-ended']").ShouldBeNull("the seeded rules are open-ended");

        await factory.WhileProgrammeEndedAsync(async () =>
        {
            var page = await factory.CreateBrowserLikeClient().GetPageAsync("/");

            page.QuerySelector("[data-fact='programme-ended']")!.TextContent
                .ShouldContain($"Das Programm NesT endete am {TestProgrammeEnd.LastDay.German()} und nimmt keine neuen Mentorengruppen mehr auf.");
            page.MainText().ShouldNotContain("reichen Sie die Gruppe beim Kompetenzzentrum für Integration ein");
            page.QuerySelector("main a[href='/Account/Login']").ShouldNotBeNull();
        });
    }

    [Theory]
    [InlineData(Roles.Mentor, "/Groups")]
    [InlineData(Roles.CompetenceCentre, "/Review")]
    [InlineData(Roles.Municipality, "/MyMunicipality")]
    [InlineData(Roles.Administrator, "/Admin/Users")]
    public async Task Signed_in_people_are_sent_to_their_work(string role, string work)
    {
        var client = await factory.SignedInAsAsync(role);

        var response = await client.GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe(work);
        (await client.GetAsync(work)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
