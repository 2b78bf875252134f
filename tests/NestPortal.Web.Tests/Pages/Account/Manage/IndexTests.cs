using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Account.Manage;

public sealed class IndexTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_mentor_finds_the_account_page_in_the_menu_with_the_download_of_their_data()
    {
        var mentor = await factory.CreateMentorAsync(displayName: "Mia Konto");
        var client = await factory.SignedInAsync(mentor.Email, mentor.Password);

        var start = await client.GetPageAsync("/Datenquellen");
        start.QuerySelector("header a[href='/Account/Manage']")!.TextContent.ShouldBe("Mein Konto");
        var page = await client.GetPageAsync("/Account/Manage");

        page.QuerySelector("h1")!.TextContent.ShouldBe("Mein Konto");
        page.QuerySelector("[data-fact='email']")!.TextContent.ShouldBe(mentor.Email);
        page.MainText().ShouldContain("Mia Konto");
        page.QuerySelector("main a[href='/Account/Manage/MyData?handler=Json']")!.TextContent.ShouldBe("Meine Daten herunterladen");
        page.QuerySelector("main a[href='/Account/Manage/MyData']").ShouldNotBeNull();
        page.QuerySelector("main a[href='/Account/Manage/TwoFactor']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Staff_see_their_account_without_the_mentors_download()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync("/Account/Manage");

        page.QuerySelector("[data-fact='email']")!.TextContent.ShouldBe(DemoUsers.All.Single(u => u.Role == Roles.CompetenceCentre).Email);
        page.QuerySelector("main a[href*='MyData']").ShouldBeNull();
    }
}
