using Microsoft.EntityFrameworkCore;
using NestPortal.Web.Lookups;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages;

/// <summary>The sources of the reference data, with the numbers of municipalities and countries the portal really holds.</summary>
public sealed class DataSourcesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_page_names_the_sources_and_counts_what_the_portal_holds()
    {
        var municipalities = await factory.QueryAsync(db => db.Municipalities.CountAsync());

        var page = await factory.CreateBrowserLikeClient().GetPageAsync("/Datenquellen");

        municipalities.ShouldBe(396);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Datenquellen");
        var text = page.MainText();
        text.ShouldContain($"Die Liste der {municipalities} Gemeinden Nordrhein-Westfalens");
        text.ShouldContain($"aus der Liste der {Countries.FromEmbeddedList().All.Count} Länder nach ISO 3166-1");
        page.QuerySelector("main a[href='https://www.govdata.de/dl-de/by-2-0']").ShouldNotBeNull("the licence of the municipality register");
    }
}
