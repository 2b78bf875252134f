using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using NestPortal.Web.Authorization;
using NestPortal.Web.Lookups;
using NestPortal.Web.Reports;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Reports;

/// <summary>
/// The one-pass query and the cache give exactly the figures the grouped SQL gave (<see cref="GroupedSqlReport"/>),
/// on data with the definitions' edges; the cache answers without SQL and shows a change written through the
/// portal at once (ADR 0033).
/// </summary>
public sealed class AnnualReportCacheTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>Arrivals across a year end, a family reunion, departures, a completion, two sponsorships of one group, a household without allocation.</summary>
    private async Task SeedAsync()
    {
        var group = await factory.GroupAsync();
        await factory.SponsoredAsync(group, new DateOnly(2010, 12, 31), persons: 3);
        var (reunited, _) = await factory.SponsoredAsync(await factory.GroupAsync(), new DateOnly(2011, 1, 1), persons: 3, ags: ReportScenario.Dortmund);
        await factory.SqlAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync(
                $"UPDATE Refugees SET ArrivedOn = {new DateOnly(2012, 4, 1)} WHERE Id = (SELECT MAX(Id) FROM Refugees WHERE HouseholdId = {reunited})");
            await db.Database.ExecuteSqlRawAsync(ReportScenario.RecomputeAgeAtArrival);
        });
        await factory.LeaveAsync(reunited, new DateOnly(2011, 8, 31));
        var (_, completed) = await factory.SponsoredAsync(group, new DateOnly(2011, 3, 1), persons: 2, rentEndsOn: new DateOnly(2011, 9, 30));
        await factory.SqlAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE Sponsorships SET Status = 'Completed', CompletedOn = {new DateOnly(2012, 3, 1)} WHERE Id = {completed}"));
        await factory.SponsoredAsync(group, new DateOnly(2011, 10, 1), supportMonths: 6);
        var (unallocated, _) = await factory.SponsoredAsync(await factory.GroupAsync(), new DateOnly(2012, 2, 29), persons: 2);
        await factory.SqlAsync(db => db.Database.ExecuteSqlAsync($"UPDATE Households SET AllocatedMunicipalityAgs = NULL WHERE Id = {unallocated}"));
    }

    private static readonly ReportRequest[] Requests =
    [
        new(new DateOnly(2010, 12, 31), 2010, 2010),
        new(new DateOnly(2011, 6, 30), 2010, 2011),
        new(new DateOnly(2012, 3, 1), 2011, 2012),
        new(new DateOnly(2012, 12, 31), 2010, 2012),
    ];

    [Fact]
    public async Task The_one_pass_query_and_the_cache_give_the_figures_of_the_grouped_SQL()
    {
        await SeedAsync();
        foreach (var request in Requests.Append(new ReportRequest(TestGroups.Today, 2010, TestGroups.Today.Year)))
        {
            var reference = Canonical(await ReferenceAsync(request));
            Canonical(await factory.ReportAsync(request.Stichtag, request.FromYear, request.ToYear)).ShouldBe(reference, request.ToString());
            Canonical(await CachedAsync(request)).ShouldBe(reference, request.ToString());
            Canonical(await CachedAsync(request)).ShouldBe(reference, request.ToString());
        }
    }

    [Fact]
    public async Task The_cached_report_is_found_again_and_a_change_through_the_portal_shows_at_once()
    {
        var request = new ReportRequest(new DateOnly(2013, 12, 31), 2013, 2013);
        var before = await CachedAsync(request);
        // The same object again: found, not computed (the factory's SQL counter also counts its background jobs).
        (await CachedAsync(request)).ShouldBeSameAs(before);

        var (household, _) = await factory.SponsoredAsync(await factory.GroupAsync(), new DateOnly(2013, 5, 1), persons: 2);
        var arrived = await CachedAsync(request);
        arrived.Year(2013).RefugeesArrived.ShouldBe(before.Year(2013).RefugeesArrived + 2);

        // A plain SQL update (as retention or an erasure writes) counts as a change too.
        await factory.LeaveAsync(household, new DateOnly(2013, 11, 1));
        var left = await CachedAsync(request);
        left.Year(2013).RefugeeDepartures.ShouldBe(before.Year(2013).RefugeeDepartures + 1);
        Canonical(left).ShouldBe(Canonical(await ReferenceAsync(request)));
    }

    [Fact]
    public async Task The_tables_are_built_once_per_language_and_again_after_a_change()
    {
        var request = new ReportRequest(new DateOnly(2014, 12, 31), 2014, 2014);
        var german = await TablesAsync(request, "de-DE");
        // The same lists again: a cached page does not rebuild its tables (they walk every area row).
        (await TablesAsync(request, "de-DE")).ShouldBeSameAs(german);
        var english = await TablesAsync(request, "en");
        english.ShouldNotBeSameAs(german);
        english[0].Title.ShouldNotBe(german[0].Title);

        await factory.SponsoredAsync(await factory.GroupAsync(), new DateOnly(2014, 5, 1), persons: 2);
        var after = await TablesAsync(request, "de-DE");
        after.ShouldNotBeSameAs(german);
        after.Single(t => t.Key == AnnualReport.Keys.YearlySeries).Rows.Single()[2].ShouldBe(
            (int)german.Single(t => t.Key == AnnualReport.Keys.YearlySeries).Rows.Single()[2]! + 2);
    }

    [Fact]
    public async Task Only_writes_to_the_tables_the_report_reads_change_its_version()
    {
        var version = factory.Services.GetRequiredService<ReportDataVersion>();

        var start = version.Current;
        await factory.SqlAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM OutgoingMails WHERE 1 = 0"));
        await factory.SqlAsync(db => db.Refugees.CountAsync());
        version.Current.ShouldBe(start);

        await factory.SqlAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM Refugees WHERE 1 = 0"));
        version.Current.ShouldBeGreaterThan(start);
    }

    [Fact]
    public async Task The_files_are_written_from_the_report_the_screen_computed()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var query = $"Stichtag={TestGroups.Today.Iso()}&FromYear=2019&ToYear={TestGroups.Today.Year}";
        var computing = await factory.CommandsDuringAsync(() => factory.ReportAsync(TestGroups.Today, 2019, TestGroups.Today.Year));
        await client.GetPageAsync($"/Reports?{query}");

        var csv = await factory.CommandsDuringAsync(() => client.GetByteArrayAsync($"/Reports/Export?handler=Csv&{query}"));
        var xlsx = await factory.CommandsDuringAsync(() => client.GetByteArrayAsync($"/Reports/Export?handler=Xlsx&{query}"));

        csv.ShouldBeLessThan(computing);
        xlsx.ShouldBeLessThan(computing);
    }

    private async Task<AnnualReport> CachedAsync(ReportRequest request)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AnnualReportCache>().GetAsync(request);
    }

    /// <summary>The tables as a request in <paramref name="culture"/> gets them (the culture set here stays in this call).</summary>
    private async Task<IReadOnlyList<ReportTable>> TablesAsync(ReportRequest request, string culture)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        await using var scope = factory.Services.CreateAsyncScope();
        var l = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
        return (await scope.ServiceProvider.GetRequiredService<AnnualReportCache>().GetWithTablesAsync(request, l)).Tables;
    }

    private async Task<AnnualReport> ReferenceAsync(ReportRequest request)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        return await new GroupedSqlReport(services.GetRequiredService<NestPortal.Data.NestPortalDbContext>(), services.GetRequiredService<Countries>())
            .RunAsync(request);
    }

    /// <summary>Every figure as JSON; distributions sorted, since their order (unlike the tables') is not part of the result.</summary>
    private static string Canonical(AnnualReport report) => JsonSerializer.Serialize(new
    {
        report.Request,
        report.Years,
        report.AtStichtag,
        Nationalities = report.Nationalities.OrderBy(c => c.Year).ThenBy(c => c.Key.Code, StringComparer.Ordinal),
        Sexes = report.Sexes.OrderBy(c => c.Year).ThenBy(c => c.Key),
        AgeBands = report.AgeBands.OrderBy(c => c.Year).ThenBy(c => c.Key),
        HouseholdSizes = report.HouseholdSizes.OrderBy(c => c.Year).ThenBy(c => c.Key),
        RefugeeDepartureReasons = report.RefugeeDepartureReasons.OrderBy(c => c.Year).ThenBy(c => c.Key),
        MentorDepartureReasons = report.MentorDepartureReasons.OrderBy(c => c.Year).ThenBy(c => c.Key, StringComparer.Ordinal),
        report.Areas,
        report.AreasAtStichtag,
    });
}
