using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Outreach;
using NestPortal.Web.Reports;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Reports;

/// <summary>The report's definitions at their edges, against the real SQLite file; each test keeps to its own years.</summary>
public sealed class AnnualReportQueryTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_arrival_on_31_December_counts_in_that_year_and_one_on_1_January_in_the_next()
    {
        await factory.SponsoredAsync(await factory.GroupAsync(), new DateOnly(2010, 12, 31));
        await factory.SponsoredAsync(await factory.GroupAsync(), new DateOnly(2011, 1, 1), persons: 2);

        var report = await factory.ReportAsync(new DateOnly(2011, 12, 31), 2010, 2011);

        report.Year(2010).RefugeesArrived.ShouldBe(1);
        report.Year(2010).GroupsTookOnCosts.ShouldBe(1);
        report.Year(2011).RefugeesArrived.ShouldBe(2);
        report.Year(2011).GroupsTookOnCosts.ShouldBe(1);
        report.Year(2011).ArrivedCumulative.ShouldBe(3);
        report.AtStichtag.ArrivedCumulative.ShouldBe(3);

        // On 31 December 2010 the January arrivals have not happened yet.
        var before = await factory.ReportAsync(new DateOnly(2010, 12, 31), 2010, 2010);
        before.Year(2010).RefugeesArrived.ShouldBe(1);
        before.AtStichtag.ArrivedCumulative.ShouldBe(1);
    }

    [Fact]
    public async Task Household_size_counts_the_members_arrived_by_the_Stichtag()
    {
        var (household, _) = await factory.SponsoredAsync(await factory.GroupAsync(), new DateOnly(2008, 3, 1), persons: 3);
        // The third member follows a year later (family reunion): on a Stichtag in 2008 the household has two.
        await factory.SqlAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync(
                $"UPDATE Refugees SET ArrivedOn = {new DateOnly(2009, 4, 1)} WHERE Id = (SELECT MAX(Id) FROM Refugees WHERE HouseholdId = {household})");
            await db.Database.ExecuteSqlRawAsync(ReportScenario.RecomputeAgeAtArrival);
        });

        var in2008 = await factory.ReportAsync(new DateOnly(2008, 12, 31), 2008, 2008);
        var in2009 = await factory.ReportAsync(new DateOnly(2009, 12, 31), 2008, 2009);

        in2008.HouseholdSizes.ShouldBe([new YearCount<int>(2, 2008, 2)]);
        in2009.HouseholdSizes.Where(c => c.Key == 3).Sum(c => c.Count).ShouldBe(3);
    }

    [Fact]
    public async Task A_group_with_two_sponsorships_in_one_year_counts_once_and_again_in_the_next_year()
    {
        var group = await factory.GroupAsync();
        await factory.SponsoredAsync(group, new DateOnly(2012, 2, 1), rentEndsOn: new DateOnly(2012, 6, 30));
        await factory.SponsoredAsync(group, new DateOnly(2012, 9, 1));
        await factory.SponsoredAsync(group, new DateOnly(2013, 3, 1));
        await factory.SqlAsync(db => db.Database.ExecuteSqlAsync($"UPDATE Sponsorships SET CompletedOn = RentEndsOn WHERE GroupId = {group} AND Status = 'Completed'"));

        var report = await factory.ReportAsync(new DateOnly(2013, 12, 31), 2012, 2013);

        report.Year(2012).GroupsTookOnCosts.ShouldBe(1);
        report.Year(2012).RefugeesArrived.ShouldBe(2);
        report.Year(2013).GroupsTookOnCosts.ShouldBe(1);
        report.Year(2012).SponsorshipsCompleted.ShouldBe(1);
        var bochum = report.Areas.Single(a => a.Area.Level == AreaLevel.Municipality && a.Area.Ags == ReportScenario.Bochum && a.Year == 2012);
        bochum.GroupsTookOnCosts.ShouldBe(1);
        var district = report.Areas.Single(a => a.Area.Level == AreaLevel.District && a.Area.District == bochum.Area.District && a.Year == 2012);
        district.GroupsTookOnCosts.ShouldBe(1);
    }

    [Fact]
    public async Task A_sponsorship_counts_as_completed_in_the_year_of_its_completion_not_of_its_rent_end()
    {
        var group = await factory.GroupAsync();
        var (_, sponsorshipId) = await factory.SponsoredAsync(group, new DateOnly(2014, 3, 1), rentEndsOn: new DateOnly(2014, 10, 31));
        await factory.SqlAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE Sponsorships SET Status = 'Completed', CompletedOn = {new DateOnly(2015, 3, 2)} WHERE Id = {sponsorshipId}"));

        var before = await factory.ReportAsync(new DateOnly(2015, 3, 1), 2014, 2015);
        var after = await factory.ReportAsync(new DateOnly(2015, 12, 31), 2014, 2015);

        before.Years.Sum(y => y.SponsorshipsCompleted).ShouldBe(0);
        after.Year(2014).SponsorshipsCompleted.ShouldBe(0);
        after.Year(2015).SponsorshipsCompleted.ShouldBe(1);
    }

    [Fact]
    public async Task Who_left_before_the_Stichtag_is_not_in_the_programme_and_who_leaves_after_it_still_is()
    {
        var stichtag = new DateOnly(2018, 6, 30);
        var (leaving, _) = await factory.SponsoredAsync(await factory.GroupAsync(), new DateOnly(2018, 3, 1), persons: 2, ags: ReportScenario.Dortmund);
        await factory.LeaveAsync(leaving, new DateOnly(2018, 5, 31), persons: 1);
        // The second person leaves after the Stichtag: still in the programme on it, and not an early departure up to it.
        await factory.SqlAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE Refugees SET LeftOn = {new DateOnly(2018, 7, 15)}, DepartureReason = 'OwnWish' WHERE HouseholdId = {leaving} AND LeftOn IS NULL"));
        // Support (6 months from March 2017) and rent (to December 2017) both ended before the Stichtag.
        await factory.SponsoredAsync(await factory.GroupAsync(), new DateOnly(2017, 3, 1), supportMonths: 6, rentEndsOn: new DateOnly(2017, 12, 31));
        // Arrives after the Stichtag: not counted at all.
        await factory.SponsoredAsync(await factory.GroupAsync(), new DateOnly(2018, 8, 1), persons: 3);

        var report = await factory.ReportAsync(stichtag, 2017, 2018);

        report.AtStichtag.InProgramme.ShouldBe(1);
        report.Year(2017).RefugeesArrived.ShouldBe(1);
        report.Year(2018).RefugeesArrived.ShouldBe(2);
        report.Year(2018).GroupsTookOnCosts.ShouldBe(1);
        report.AtStichtag.ArrivedCumulative.ShouldBe(report.Year(2018).ArrivedCumulative);
        report.Year(2018).RefugeeDepartures.ShouldBe(1);
        report.RefugeeDepartureReasons.ShouldHaveSingleItem().Key.ShouldBe(NestPortal.Domain.Households.DepartureReason.MovedAway);
        report.AreasAtStichtag.Single(a => a.Area.Level == AreaLevel.Municipality && a.Area.Ags == ReportScenario.Dortmund).InProgramme.ShouldBe(1);

        // On the last day of its rent the household whose support had ended was still in the programme.
        var lastRentDay = await factory.ReportAsync(new DateOnly(2017, 12, 31), 2017, 2017);
        lastRentDay.AtStichtag.InProgramme.ShouldBe(1);
    }

    [Fact]
    public async Task Escrow_sums_by_value_date_count_a_correction_with_the_kind_it_corrects_in_its_own_year()
    {
        // Ledger entries are immutable (a trigger): value dates in 2017, the correction booked today.
        var today = TestGroups.Today;
        var before = await factory.ReportAsync(today, 2017, today.Year);
        var (_, sponsorshipId) = await factory.SponsoredAsync(await factory.GroupAsync(), new DateOnly(2015, 2, 1));
        await factory.ExecuteAsync(async db =>
        {
            var sponsorship = await db.Sponsorships.SingleAsync(s => s.Id == sponsorshipId);
            sponsorship.RecordDeposit(1000m, new DateOnly(2017, 2, 1), "Einzahlung 1", today, TestHouseholds.Clerk, TestClock.UtcNow);
            var second = sponsorship.RecordDeposit(200m, new DateOnly(2017, 3, 1), "Einzahlung 2", today, TestHouseholds.Clerk, TestClock.UtcNow);
            await db.SaveChangesAsync();
            sponsorship.Correct(second, "Doppelt erfasst", today, TestHouseholds.Clerk, TestClock.UtcNow);
            await db.SaveChangesAsync();
        });

        var after = await factory.ReportAsync(today, 2017, today.Year);

        after.Year(2017).Escrow.ShouldBe(new EscrowYear(1200m, 0m, 0m, 1200m));
        (after.Year(today.Year).Escrow.Deposited - before.Year(today.Year).Escrow.Deposited).ShouldBe(-200m);
        (after.AtStichtag.EscrowBalance - before.AtStichtag.EscrowBalance).ShouldBe(1000m);
        // The second deposit and the correction lie after this Stichtag.
        var february = await factory.ReportAsync(new DateOnly(2017, 2, 15), 2017, 2017);
        february.AtStichtag.EscrowBalance.ShouldBe(1000m);
        february.Year(2017).Escrow.Deposited.ShouldBe(1000m);
    }

    [Fact]
    public async Task Outreach_counts_distinct_municipalities_informed_and_of_them_those_Sicherer_Hafen_by_the_Stichtag()
    {
        string[] ags = ["05111000", "05112000", "05113000"];
        await factory.SqlAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync($"UPDATE Municipalities SET SafeHarbourDeclaredOn = {new DateOnly(2012, 5, 1)} WHERE Ags = {ags[0]}");
            await db.Database.ExecuteSqlAsync($"UPDATE Municipalities SET SafeHarbourDeclaredOn = {new DateOnly(2018, 5, 1)} WHERE Ags = {ags[1]}");
        });
        var eventIds = new List<int>();
        await factory.ExecuteAsync(async db =>
        {
            var today = TestGroups.Today;
            var conference = OutreachEvent.Record(today, "Fachtag", OutreachKind.Conference, null, ags.Select(Ags.Parse), [Ags.Parse(ags[0]), Ags.Parse(ags[1])],
                today, TestHouseholds.Clerk, TestClock.UtcNow);
            var letter = OutreachEvent.Record(today, "Rundbrief", OutreachKind.Print, null, [Ags.Parse(ags[0])], [Ags.Parse(ags[0])],
                today, TestHouseholds.Clerk, TestClock.UtcNow);
            db.OutreachEvents.AddRange(conference, letter);
            await db.SaveChangesAsync();
            eventIds.AddRange([conference.Id, letter.Id]);
        });
        await factory.SqlAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE OutreachEvents SET HeldOn = {new DateOnly(2016, 3, 1)} WHERE Id IN ({eventIds[0]}, {eventIds[1]})"));

        var report = await factory.ReportAsync(new DateOnly(2016, 12, 31), 2016, 2016);

        var outreach = report.Year(2016).Outreach;
        outreach.Events.ShouldBe(2);
        outreach.EventsByKind[OutreachKind.Conference].ShouldBe(1);
        outreach.EventsByKind[OutreachKind.Print].ShouldBe(1);
        outreach.MunicipalitiesInvited.ShouldBe(3);
        outreach.MunicipalitiesInformed.ShouldBe(2);
        outreach.InformedSafeHarbours.ShouldBe(1);
    }

    [Fact]
    public async Task The_number_of_SQL_commands_does_not_grow_with_the_data()
    {
        // After the other tests' Stichtag of 2018: their figures do not see these households.
        var stichtag = new DateOnly(2018, 12, 31);
        var first = await factory.CommandsDuringAsync(() => factory.ReportAsync(stichtag, 2018, 2018));
        await factory.SponsoredAsync(await factory.GroupAsync(), new DateOnly(2018, 9, 1), persons: 3);
        await factory.SponsoredAsync(await factory.GroupAsync(), new DateOnly(2018, 10, 1), persons: 2, ags: ReportScenario.Dortmund);
        var second = await factory.CommandsDuringAsync(() => factory.ReportAsync(stichtag, 2018, 2018));

        second.ShouldBe(first);
        first.ShouldBeLessThan(30);
    }
}
