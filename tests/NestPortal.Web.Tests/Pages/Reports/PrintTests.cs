using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.Reports;

namespace NestPortal.Web.Tests.Pages.Reports;

public sealed class PrintTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static DateOnly Today => TestGroups.Today;

    private static string Query => $"Stichtag={Today.Iso()}&FromYear=2019&ToYear={Today.Year}";

    [Fact]
    public async Task The_print_view_has_every_table_and_no_navigation()
    {
        var client = await factory.SignedInAsAsync(Roles.Administrator);

        var page = await client.GetPageAsync($"/Reports/Print?{Query}");

        page.QuerySelectorAll("main table").Length.ShouldBe(12);
        page.QuerySelectorAll("main figure.report-chart svg[role=img]").Length.ShouldBe(2, "the charts go on paper too");
        page.QuerySelector("nav").ShouldBeNull();
        page.QuerySelector("header").ShouldBeNull();
        page.QuerySelector("[data-print]").ShouldNotBeNull();
    }
}
