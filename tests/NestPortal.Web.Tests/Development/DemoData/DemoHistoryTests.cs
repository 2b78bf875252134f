using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Domain.Programme;
using NestPortal.Domain.Sponsorships;
using NestPortal.Development.DemoData;
using NestPortal.Web.Reports;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Development.DemoData;

/// <summary>The demo set's history 2019–2025: a newcomer's yearly report shows a series, not empty years.</summary>
public sealed class DemoHistoryTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static DateOnly Today => TestGroups.Today;

    private async Task<AnnualReport> ReportAsync(int fromYear, int toYear)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AnnualReportQuery>().RunAsync(new ReportRequest(Today, fromYear, toYear));
    }

    [Fact]
    public async Task The_yearly_report_has_groups_arrivals_and_deposits_in_every_year_from_2019_to_2025_and_completions_in_several()
    {
        var report = await ReportAsync(2019, 2025);

        foreach (var year in Enumerable.Range(2019, 7))
        {
            var figures = report.Year(year);
            figures.GroupsTookOnCosts.ShouldBeGreaterThan(0, $"groups in {year}");
            figures.RefugeesArrived.ShouldBeGreaterThan(0, $"arrivals in {year}");
            figures.Escrow.Deposited.ShouldBeGreaterThan(0, $"deposits in {year}");
        }

        report.Years.Count(y => y.SponsorshipsCompleted > 0).ShouldBeGreaterThanOrEqualTo(4);
        report.Years.Count(y => y.Escrow.PaidAsRent > 0).ShouldBe(7, "rent paid month by month in every year");
        // Groups pay in exactly the rent due, so only the sponsorship moved from 24 to 12 months had money left to refund.
        report.Year(2023).Escrow.Refunded.ShouldBeGreaterThan(0m);
    }

    [Fact]
    public async Task Groups_were_submitted_under_the_rules_of_their_day_and_one_pilot_sponsorship_moved_to_the_new_rules()
    {
        var rules = await factory.QueryAsync(db => db.RuleSets.AsNoTracking().ToListAsync());
        var groups = await factory.QueryAsync(db => db.MentoringGroups.AsNoTracking()
            .Where(g => g.CreatedByUserId.StartsWith("demo-history-mentor-")).Select(g => new { g.SubmittedOn, g.RuleSetId }).ToListAsync());

        groups.Count.ShouldBe(DemoHistoryStories.All.Select(s => s.Group).Distinct().Count());
        groups.ShouldAllBe(g => g.RuleSetId == ProgrammeRuleSet.InForceOn(rules, g.SubmittedOn!.Value)!.Id);
        groups.Select(g => g.RuleSetId).Distinct().Count().ShouldBe(2, "the pilot and the permanent programme");
        var moved = await factory.QueryAsync(db => db.Sponsorships.AsNoTracking().Where(s => s.RuleSetReason != null && s.RuleSetReason.StartsWith("Umstellung")).ToListAsync());
        moved.ShouldHaveSingleItem().RentMonths.ShouldBe(12);
    }

    [Fact]
    public async Task A_group_sponsored_a_second_family_after_its_first_sponsorship_was_completed()
    {
        var sponsorships = await factory.QueryAsync(db => db.Sponsorships.AsNoTracking()
            .Where(s => db.MentoringGroups.Any(g => g.Id == s.GroupId && g.Name == DemoHistoryStories.SecondFamilyGroup))
            .OrderBy(s => s.MatchedOn).ToListAsync());

        sponsorships.Count.ShouldBe(2);
        sponsorships[0].Status.ShouldBe(SponsorshipStatus.Completed);
        sponsorships[0].CompletedOn!.Value.ShouldBeLessThan(sponsorships[1].MatchedOn);
        sponsorships[0].Balance.ShouldBe(0m, "the rest refunded");
    }

    [Fact]
    public async Task The_test_factories_leave_the_programme_open()
    {
        var rules = await factory.QueryAsync(db => db.RuleSets.AsNoTracking().ToListAsync());

        ProgrammeRuleSet.ProgrammeEnd(rules).ShouldBeNull();
    }

    [Fact]
    public async Task With_the_end_option_the_programme_ends_on_31_12_2025_and_nothing_was_submitted_or_matched_after_it()
    {
        await using var ended = new EndingFactory();
        var end = new DateOnly(2025, 12, 31);

        var (rules, lastSubmission, lastMatch) = await ended.QueryAsync(async db => (
            await db.RuleSets.AsNoTracking().ToListAsync(),
            await db.MentoringGroups.MaxAsync(g => g.SubmittedOn),
            await db.Sponsorships.MaxAsync(s => s.MatchedOn)));

        ProgrammeRuleSet.ProgrammeEnd(rules).ShouldBe(end);
        rules.MaxBy(r => r.ValidFrom)!.ValidUntil.ShouldBe(end, "the latest rule set ends that day");
        lastSubmission!.Value.ShouldBeLessThanOrEqualTo(end);
        lastMatch.ShouldBeLessThanOrEqualTo(end);
    }

    /// <summary>The demo set as the development host seeds it: with the programme's end.</summary>
    [Theory]
    [InlineData("2025-12-31", false)]
    [InlineData("2026-01-01", true)]
    [InlineData("2026-12-31", true)]
    [InlineData("2027-01-01", false)]
    public void The_demo_set_ends_the_programme_from_the_day_after_the_end_for_a_year(string today, bool ends)
    {
        DemoProgrammeEnd.Applies(endProgramme: true, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(ends);
        DemoProgrammeEnd.Applies(endProgramme: false, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)).ShouldBeFalse();
    }

    /// <remarks>On a day of its own (17.06.2026, within the year after the end), whatever day the suite runs on.</remarks>
    private sealed class EndingFactory : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(DemoProgrammeEnd.Setting, "true");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new TestClock(new DateOnly(2026, 6, 17))));
        }
    }
}
