using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.Reports;

namespace NestPortal.Web.Tests.Pages.Reports;

public sealed class IndexTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private static DateOnly Today => TestGroups.Today;
    private static string Query => $"Stichtag={Today.Iso()}&FromYear=2019&ToYear={Today.Year}";

    /// <summary>The cells of the yearly series as the page shows them, by year.</summary>
    private static Dictionary<string, string[]> YearlySeries(IHtmlDocument page) =>
        page.QuerySelectorAll("#table-YearlySeries tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray());

    [Fact]
    public async Task After_the_programme_end_the_report_still_counts_the_programme()
    {
        var report = await factory.ReportAsync(Today, 2019, Today.Year);

        await factory.WhileProgrammeEndedAsync(async () =>
        {
            var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

            var page = await client.GetPageAsync($"/Reports/Index?{Query}");

            YearlySeries(page)[Today.Year.ToString(CultureInfo.InvariantCulture)][0]
                .ShouldBe(report.Years.Single(y => y.Year == Today.Year).GroupsTookOnCosts.ToString("N0", German));
        });
    }

    [Theory]
    [InlineData(Roles.CompetenceCentre)]
    [InlineData(Roles.Administrator)]
    public async Task Staff_see_the_figures_the_query_computes_with_chart_and_links(string role)
    {
        var report = await factory.ReportAsync(Today, 2019, Today.Year);
        var client = await factory.SignedInAsAsync(role);

        var page = await client.GetPageAsync($"/Reports/Index?{Query}");

        var series = YearlySeries(page);
        series.Keys.ShouldBe(Enumerable.Range(2019, Today.Year - 2018).Select(y => y.ToString(CultureInfo.InvariantCulture)));
        foreach (var year in report.Years)
        {
            var cells = series[year.Year.ToString(CultureInfo.InvariantCulture)];
            cells[0].ShouldBe(year.GroupsTookOnCosts.ToString("N0", German));
            cells[1].ShouldBe(year.RefugeesArrived.ToString("N0", German));
        }

        report.AtStichtag.ArrivedCumulative.ShouldBeGreaterThan(0);
        var charts = page.QuerySelectorAll("main figure.report-chart svg[role=img]");
        charts.Length.ShouldBe(2, "one chart per measure");
        foreach (var svg in charts)
            svg.GetAttribute("aria-labelledby")!.Split(' ').ShouldAllBe(id => page.GetElementById(id) != null && page.GetElementById(id)!.TextContent.Length > 0);
        page.QuerySelectorAll("main table caption").Length.ShouldBe(12);
        page.QuerySelectorAll("main table thead th").ShouldAllBe(th => th.GetAttribute("scope") == "col");
        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href") ?? string.Empty).ToList();
        links.ShouldContain(h => h.StartsWith("/Reports/Export?", StringComparison.Ordinal) && h.Contains("handler=Csv") && h.Contains($"Stichtag={Today.Iso()}"));
        links.ShouldContain(h => h.StartsWith("/Reports/Export?", StringComparison.Ordinal) && h.Contains("handler=Xlsx"));
        links.ShouldContain(h => h.StartsWith("/Reports/Answers?", StringComparison.Ordinal));
        links.ShouldContain(h => h.StartsWith("/Reports/Print?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Persons_and_groups_are_charted_apart_each_on_its_own_scale_with_the_figures_as_text()
    {
        var report = await factory.ReportAsync(Today, 2019, Today.Year);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync($"/Reports/Index?{Query}");

        void ShouldChart(string id, Func<NestPortal.Web.Reports.YearFigures, int> value)
        {
            var svg = page.QuerySelector($"#chart-{id}-desc")!.ParentElement!;
            page.QuerySelector($"#chart-{id}-desc")!.TextContent
                .ShouldBe(string.Join("; ", report.Years.Select(y => $"{y.Year}: {value(y).ToString("N0", German)}")));
            var max = report.Years.Max(value);
            var top = svg.QuerySelectorAll("text.chart-tick").Select(t => int.Parse(t.TextContent, NumberStyles.AllowThousands, German)).Max();
            top.ShouldBe(NestPortal.Web.Pages.Reports.YearlyChart.Scale(max).Top, $"the {id} chart's own scale");
            svg.QuerySelectorAll("rect").Length.ShouldBe(report.Years.Count);
        }

        ShouldChart("arrivals", y => y.RefugeesArrived);
        ShouldChart("groups", y => y.GroupsTookOnCosts);
        // The data table follows the charts instead of sitting beside them in a narrow column.
        page.QuerySelector(".report-charts")!.NextElementSibling!.QuerySelector("#table-YearlySeries").ShouldNotBeNull();
    }

    [Fact]
    public async Task Without_input_the_report_runs_for_today_from_2019()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync("/Reports/Index");

        page.ValueOf("Stichtag").ShouldBe(Today.Iso());
        page.ValueOf("FromYear").ShouldBe("2019");
        page.ValueOf("ToYear").ShouldBe(Today.Year.ToString(CultureInfo.InvariantCulture));
        YearlySeries(page).Keys.First().ShouldBe("2019");
    }

    [Fact]
    public async Task A_report_for_a_Stichtag_ignores_what_came_later()
    {
        // A household arriving today: in the report for today, not in yesterday's.
        await factory.SponsoredAsync(await factory.GroupAsync(), Today, persons: 2);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var yesterday = Today.AddDays(-1);

        var now = YearlySeries(await client.GetPageAsync($"/Reports/Index?{Query}"));
        var before = YearlySeries(await client.GetPageAsync($"/Reports/Index?Stichtag={yesterday.Iso()}&FromYear=2019&ToYear={yesterday.Year}"));

        // On 1 January yesterday's report has no row for this year; the arrivals then show as the year's own.
        var year = Today.Year.ToString(CultureInfo.InvariantCulture);
        var earlier = before.TryGetValue(year, out var cells) ? int.Parse(cells[1], NumberStyles.AllowThousands, German) : 0;
        (int.Parse(now[year][1], NumberStyles.AllowThousands, German) - earlier).ShouldBe(2);
    }

    [Fact]
    public async Task Years_in_the_wrong_order_keep_the_form_and_show_the_German_message()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync("/Reports/Index?Stichtag=2021-06-25&FromYear=2021&ToYear=2020");

        page.ShouldShowError("Das letzte Jahr darf nicht vor dem ersten Jahr liegen.");
        page.ValueOf("Stichtag").ShouldBe("2021-06-25");
        page.ValueOf("FromYear").ShouldBe("2021");
        page.ValueOf("ToYear").ShouldBe("2020");
        page.QuerySelector("#table-YearlySeries").ShouldBeNull();
    }

    [Fact]
    public async Task Moving_only_the_Stichtag_back_cuts_the_last_year_to_it_instead_of_refusing()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        // The form still holds this year's "bis Jahr" when the clerk changes just the Stichtag.
        var page = await client.GetPageAsync($"/Reports/Index?Stichtag=2021-06-25&FromYear=2019&ToYear={Today.Year}");

        page.QuerySelector("#table-YearlySeries").ShouldNotBeNull();
        page.ValueOf("ToYear").ShouldBe("2021");
    }

    [Fact]
    public async Task A_Stichtag_that_is_no_date_or_lies_in_the_future_is_refused()
    {
        var client = await factory.SignedInAsAsync(Roles.Administrator);

        var garbled = await client.GetPageAsync("/Reports/Index?Stichtag=gestern&FromYear=2019");
        garbled.ShouldShowError("Der Wert „gestern“ ist für Stichtag ungültig.");
        garbled.ValueOf("Stichtag").ShouldBe("gestern");
        garbled.QuerySelector("#table-YearlySeries").ShouldBeNull();

        var future = await client.GetPageAsync($"/Reports/Answers?Stichtag={Today.AddDays(1).Iso()}");
        future.ShouldShowError("Der Stichtag darf nicht in der Zukunft liegen.");
    }

    [Theory]
    [InlineData(Roles.CompetenceCentre, true)]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.Mentor, false)]
    public async Task The_navigation_links_the_report_for_staff_only(string role, bool linked)
    {
        var client = await factory.SignedInAsAsync(role);

        var page = await client.GetPageAsync("/Account/Manage/TwoFactor");

        page.QuerySelectorAll("nav a").Any(a => a.GetAttribute("href") == "/Reports").ShouldBe(linked);
    }
}
