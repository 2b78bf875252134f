using Microsoft.EntityFrameworkCore;
using NestPortal.Data.Operations;
using NestPortal.Web.RentRuns;
using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.RentRuns;

namespace NestPortal.Web.Tests.Jobs;

/// <summary>
/// The rent run on Quartz's clustered job store, with two portal instances on one SQLite file: each
/// firing runs on one instance only and is recorded once, every due month is paid once; and a firing
/// that fell due while no instance ran is made up by the next instance to start.
/// </summary>
public sealed class ClusteredRentRunTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Two_instances_run_each_firing_once_and_pay_each_due_month_once()
    {
        var folder = PortalFactory.NewFolder();
        // Every two seconds instead of nightly, so several firings happen while both instances run.
        await using var first = new SchedulerHost(folder, "0/2 * * * * ?", catchUpOnStart: true).Started();
        var leaseStart = new DateOnly(TestClock.Today.Year, TestClock.Today.Month, 1).AddMonths(-3);
        var (account, _) = await first.FundedAsync("Mietlauf im Cluster", leaseStart, 12 * RentAccounts.Rent);
        await using var second = new SchedulerHost(folder, "0/2 * * * * ?", catchUpOnStart: true).Started();

        await SchedulerHost.EventuallyAsync(
            () => first.QueryAsync(db => db.JobExecutions.AsNoTracking().ToListAsync()),
            all => all.Count(e => e.JobName == RentRunJob.Key.Name && e.Outcome == JobOutcome.Succeeded) >= 6, Deadline, "six finished rent-run firings");
        await second.DisposeAsync();
        await first.DisposeAsync();

        var executions = await SchedulerHost.QueryAsync(folder, db => db.JobExecutions.AsNoTracking().Where(e => e.JobName == RentRunJob.Key.Name).ToListAsync());
        var instances = executions.Select(e => e.InstanceId).Distinct().ToList();
        executions.GroupBy(e => (e.TriggerName, e.ScheduledForUtc)).ShouldAllBe(g => g.Count() == 1,
            $"a firing ran twice; instances: {string.Join(", ", instances)}");
        var scheduledRuns = await SchedulerHost.QueryAsync(folder, db => db.RentRuns.CountAsync(r => r.StartedBy == RentRunJob.ScheduleName));
        scheduledRuns.ShouldBe(executions.Count, "each firing is one rent run");
        executions.ShouldAllBe(e => e.Outcome == JobOutcome.Succeeded);

        var paid = await SchedulerHost.QueryAsync(folder, db => db.EscrowEntries.AsNoTracking().Where(e => e.SponsorshipId == account).ToListAsync());
        paid.PaidMonths().ShouldBe(Enumerable.Range(0, 4).Select(leaseStart.AddMonths), "every due month once, none twice");
        SchedulerHost.DeleteFolder(folder);
    }

    [Fact]
    public async Task A_firing_missed_while_no_instance_ran_is_made_up_by_the_next_instance()
    {
        var folder = PortalFactory.NewFolder();
        const string nightly = "0 0 3 * * ?";
        int runsBefore;
        await using (var before = new SchedulerHost(folder, nightly, catchUpOnStart: false, ownsFolder: false).Started())
        {
            runsBefore = await before.QueryAsync(db => db.RentRuns.CountAsync());
        }

        // Down across 03:00: the stored trigger's firing is ten minutes overdue when the next instance starts.
        var dueAt = TestClock.Instance.GetUtcNow().AddMinutes(-10);
        await SchedulerHost.MissFiringAsync(folder, "rent-run-schedule", dueAt);
        await using var after = new SchedulerHost(folder, nightly, catchUpOnStart: false, ownsFolder: true).Started();

        var execution = await SchedulerHost.EventuallyAsync(
            () => after.QueryAsync(db => db.JobExecutions.AsNoTracking().FirstOrDefaultAsync(e => e.JobName == RentRunJob.Key.Name && e.FinishedAtUtc != null)),
            e => e is not null, Deadline, "the made-up rent run");
        execution!.TriggerName.ShouldBe("rent-run-schedule");
        execution.Outcome.ShouldBe(JobOutcome.Succeeded);
        (await after.QueryAsync(db => db.RentRuns.CountAsync())).ShouldBe(runsBefore + 1);
    }
}
