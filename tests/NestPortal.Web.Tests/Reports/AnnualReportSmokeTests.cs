using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using NestPortal.Web.Reports;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Reports;

public sealed class AnnualReportSmokeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_report_over_the_demo_data_runs_on_sqlite()
    {
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        var query = scope.ServiceProvider.GetRequiredService<AnnualReportQuery>();
        var report = await query.RunAsync(ReportRequest.Default(TestGroups.Today));
        report.AtStichtag.ArrivedCumulative.ShouldBeGreaterThan(0);
        report.Years.Sum(y => y.RefugeesArrived).ShouldBe(report.AtStichtag.ArrivedCumulative);
        var tables = report.ToTables(scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>());
        tables.Select(t => t.Key).ShouldBe([AnnualReport.Keys.YearlySeries, AnnualReport.Keys.InProgramme, AnnualReport.Keys.Nationality,
            AnnualReport.Keys.Sex, AnnualReport.Keys.AgeBand, AnnualReport.Keys.HouseholdSize, AnnualReport.Keys.Departures, AnnualReport.Keys.Escrow,
            AnnualReport.Keys.Outreach, AnnualReport.Keys.Regions, AnnualReport.Keys.Districts, AnnualReport.Keys.Municipalities]);
        foreach (var table in tables)
            table.Rows.ShouldAllBe(row => row.Count == table.Columns.Count);
    }
}
