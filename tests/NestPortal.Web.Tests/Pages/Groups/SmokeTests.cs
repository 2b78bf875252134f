using System.Net;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Groups;

public sealed class SmokeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Demo_mentor_sees_their_group()
    {
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var page = await client.GetPageAsync("/Groups");
        page.QuerySelector("main table")!.TextContent.ShouldContain("Willkommensteam Hörde");
    }
}

public sealed class ReviewSmokeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Staff_see_the_queue()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var page = await client.GetPageAsync("/Review?status=&region=Reg.-Bez.%20Detmold");
        page.QuerySelector("main table")!.TextContent.ShouldContain("Bielefeld");
    }
}
