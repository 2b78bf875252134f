using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.Reports;

namespace NestPortal.Web.Tests.Pages.Reports;

public sealed class AnswersTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    private static DateOnly Today => TestGroups.Today;

    [Fact]
    public async Task The_answers_name_the_Stichtag_and_the_figures_of_the_report()
    {
        var stichtag = Today.AddDays(-3);
        var report = await factory.ReportAsync(stichtag, 2019, stichtag.Year);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync($"/Reports/Answers?Stichtag={stichtag.Iso()}");

        var text = page.MainText();
        var arrived = report.AtStichtag.ArrivedCumulative;
        text.ShouldContain(arrived == 1
            ? $"Bis zum {stichtag.German()} ist eine geflüchtete Person über NesT in Nordrhein-Westfalen eingereist"
            : $"Bis zum {stichtag.German()} sind {arrived} Geflüchtete über NesT in Nordrhein-Westfalen eingereist, davon am Stichtag {report.AtStichtag.InProgramme} im Programm.");
        var first = report.Year(2019).GroupsTookOnCosts;
        text.ShouldContain(first == 1 ? "Im Jahr 2019 hat eine Mentoring-Gruppe" : $"Im Jahr 2019 haben {first} Mentoring-Gruppen");
        text.ShouldContain("vorzeitig aus dem Programm ausgeschieden");
        page.QuerySelectorAll("main table").Length.ShouldBe(3);
    }
}
