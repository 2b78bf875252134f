using System.Reflection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Data.Notifications;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure.Jobs;
using NestPortal.Web.Notifications;
using NestPortal.Web.Tests.Banking;
using NestPortal.Web.Tests.Infrastructure;
using Quartz;

namespace NestPortal.Web.Tests.Notifications;

/// <summary>
/// The daily reminders on the test clock: a reminder that falls due is queued once, a second run the same
/// day queues nothing, and a run after days of downtime queues each missed reminder once.
/// </summary>
public sealed class RemindersTests(RemindersTests.ReminderFactory factory) : IClassFixture<RemindersTests.ReminderFactory>
{
    /// <summary>A portal whose clock a test sets to a number of days after the suite's day (the tests of this class run one after another).</summary>
    public sealed class ReminderFactory : PortalFactory
    {
        public DayClock Clock { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    public sealed class DayClock : TimeProvider
    {
        private long _days;

        public override DateTimeOffset GetUtcNow() => TestClock.Instance.GetUtcNow().AddDays(Interlocked.Read(ref _days));

        public void DaysAfterTheSuitesDay(int days) => Interlocked.Exchange(ref _days, days);
    }

    private const string Dortmund = "05913000";
    private const string RefugeeName = "Barakzai";
    private static readonly string MunicipalityClerk = DemoUsers.All.Single(u => u.Role == Roles.Municipality).Email;
    private static DateOnly Today => TestGroups.Today;

    private async Task<Reminders.Result> RunOnDayAsync(int days)
    {
        factory.Clock.DaysAfterTheSuitesDay(days);
        try
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<Reminders>().RunAsync();
        }
        finally
        {
            factory.Clock.DaysAfterTheSuitesDay(0);
        }
    }

    /// <summary>A matched household allocated to Dortmund on the suite's day, not acknowledged.</summary>
    private async Task<(int Household, string Reference)> AllocatedAsync(string name)
    {
        var reference = "NesT-R-" + Guid.NewGuid().ToString("N")[..6];
        var household = await factory.CreateHouseholdAsync(reference, familyName: RefugeeName);
        var group = await factory.CreateApprovedGroupAsync(await factory.DemoMentorIdAsync(), name);
        await factory.MatchAsync(group, household);
        await factory.AllocateAsync(household, Dortmund);
        return (household, reference);
    }

    private Task<int> AllocationIdAsync(int household) =>
        factory.QueryAsync(db => db.Allocations.Where(a => a.HouseholdId == household).Select(a => a.Id).SingleAsync());

    [Fact]
    public async Task An_unacknowledged_allocation_is_reminded_once_on_its_day_and_not_before()
    {
        var (household, reference) = await AllocatedAsync("Erinnerung Zuweisung");
        var key = $"allocation-reminder:{await AllocationIdAsync(household)}";

        await RunOnDayAsync(6);
        (await factory.MailRecipientsAsync(key)).ShouldBeEmpty("6 days are not yet the 7 configured");

        await RunOnDayAsync(7);
        await RunOnDayAsync(7);
        await RunOnDayAsync(8);

        (await factory.MailRecipientsAsync(key)).ShouldBe([MunicipalityClerk]);
        (await factory.MessageRecipientsAsync(key)).Count.ShouldBe(1);
        // Read from the outbox: it sends on the portal's clock, which the test has set back to the suite's day.
        var mail = await factory.QueryAsync(db => db.OutgoingMails.SingleAsync(m => m.EventKey == key));
        mail.Subject.ShouldBe($"Erinnerung: Eingang der Zuweisung bestätigen (Familie {reference})");
        mail.Subject.ShouldNotContain(RefugeeName);
        mail.TextBody.ShouldNotContain(RefugeeName);
    }

    [Fact]
    public async Task A_run_after_downtime_sends_each_missed_reminder_once_and_an_acknowledged_allocation_none()
    {
        var (missed, _) = await AllocatedAsync("Erinnerung Nachgeholt");
        var (acknowledged, _) = await AllocatedAsync("Erinnerung Bestätigt");
        await factory.ExecuteAsync(async db =>
        {
            var household = await db.Households.Include(h => h.Allocations).SingleAsync(h => h.Id == acknowledged);
            household.AcknowledgeAllocation(household.CurrentAllocation!.Id, NestPortal.Domain.Municipalities.Ags.Parse(Dortmund),
                new NestPortal.Domain.Common.Actor("kommune", "Katrin Kommune"), TestClock.UtcNow);
            await db.SaveChangesAsync();
        });

        // No run for 20 days (every instance down), then one.
        await RunOnDayAsync(20);
        await RunOnDayAsync(20);

        (await factory.MailRecipientsAsync($"allocation-reminder:{await AllocationIdAsync(missed)}")).ShouldBe([MunicipalityClerk]);
        (await factory.MailRecipientsAsync($"allocation-reminder:{await AllocationIdAsync(acknowledged)}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_reminder_due_longer_ago_than_the_catch_up_days_is_not_sent_any_more()
    {
        var (household, _) = await AllocatedAsync("Erinnerung Zu Alt");

        await RunOnDayAsync(7 + 30 + 1);

        (await factory.MailRecipientsAsync($"allocation-reminder:{await AllocationIdAsync(household)}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_group_waiting_longer_than_the_configured_days_is_reported_to_the_competence_centre_once()
    {
        var mentor = await factory.DemoMentorIdAsync();
        var waiting = await factory.CreateGroupAsync(mentor, "Erinnerung Prüfung", submittedOn: Today.AddDays(-14));
        var recent = await factory.CreateGroupAsync(mentor, "Erinnerung Prüfung Neu", submittedOn: Today.AddDays(-13));

        await RunOnDayAsync(0);
        await RunOnDayAsync(0);

        (await factory.MessageRecipientsAsync($"review-waiting:{waiting}:")).ShouldBe([PortalMessage.CompetenceCentre]);
        (await factory.MailRecipientsAsync($"review-waiting:{waiting}:")).ShouldBe([factory.CompetenceCentreMailbox()]);
        (await factory.MessageRecipientsAsync($"review-waiting:{recent}:")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_main_contacts_hear_once_that_support_ends_within_30_days()
    {
        var mentor = await factory.CreateMentorAsync();
        string[] members = [mentor.Email, $"b-{Guid.NewGuid():N}@beispiel.invalid", $"c-{Guid.NewGuid():N}@beispiel.invalid", $"d-{Guid.NewGuid():N}@beispiel.invalid"];
        var household = await factory.CreateHouseholdAsync(arrivedOn: Today.AddMonths(-12).AddDays(20));
        var group = await factory.CreateApprovedGroupAsync(mentor.Id, "Erinnerung Unterstützungsende", memberEmails: members);
        var sponsorship = await factory.MatchAsync(group, household);
        var endsOn = (await factory.LoadHouseholdAsync(household)).SupportEndsOn(12)!.Value;
        endsOn.ShouldBeInRange(Today, Today.AddDays(30), "the test's household must be due");

        await RunOnDayAsync(0);
        await RunOnDayAsync(1);

        var key = $"support-ending:{sponsorship}:{endsOn:yyyy-MM-dd}";
        (await factory.MailRecipientsAsync(key)).ShouldBe(members[..2], ignoreOrder: true);
        (await factory.MessageRecipientsAsync(key)).ShouldBe([mentor.Id]);
    }

    [Fact]
    public async Task A_shortfall_shortly_before_the_arrival_reaches_the_main_contacts_once()
    {
        var mentor = await factory.CreateMentorAsync();
        string[] members = [mentor.Email, $"b-{Guid.NewGuid():N}@beispiel.invalid", $"c-{Guid.NewGuid():N}@beispiel.invalid", $"d-{Guid.NewGuid():N}@beispiel.invalid"];
        var household = await factory.CreateHouseholdAsync(expectedArrival: Today.AddDays(10));
        var group = await factory.CreateApprovedGroupAsync(mentor.Id, "Erinnerung Fehlbetrag", memberEmails: members);
        var sponsorship = await factory.MatchAsync(group, household);
        var shortfall = await factory.QueryAsync(db => db.Sponsorships.Where(s => s.Id == sponsorship).Select(s => s.EscrowShortfall).SingleAsync());
        shortfall.ShouldBeGreaterThan(0m, "nothing is paid in yet");

        await RunOnDayAsync(0);
        await RunOnDayAsync(0);

        (await factory.MailRecipientsAsync($"shortfall:{sponsorship}:")).ShouldBe(members[..2], ignoreOrder: true);
    }

    [Fact]
    public async Task A_rent_month_no_statement_confirms_is_told_to_the_competence_centre_the_day_after_its_confirmation_day_once()
    {
        var (account, months) = await factory.PaidAccountAsync("Erinnerung Kontoauszug");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        // The statement shows the deposit and the first month's rent only; the ledger paid three months today.
        await client.UploadStatementAsync($"/Escrow/Upload/{account}", Banking.TestStatements.Camt053(TestHouseholds.ValidIban, null, months[0], Today,
            new Banking.TestBooking("D1", 7_800m, Today, Banking.TestStatements.GroupIban, "Mietkaution"), Banking.TestStatements.RentDebit(months[0], Today)));
        var key = $"bank-warnings:{account}:";
        (await factory.MessageRecipientsAsync(key)).ShouldBeEmpty("nothing is overdue on the day of the upload");
        // Booked today, so the months wait until the 10th of next month (Reconciliation:ConfirmByDay).
        var confirmBy = NestPortal.Domain.Common.Months.FirstOf(Today).AddMonths(1).AddDays(9);
        var days = confirmBy.DayNumber - Today.DayNumber;

        await RunOnDayAsync(days);
        (await factory.MessageRecipientsAsync(key)).ShouldBeEmpty("the confirmation day itself is still in time");

        await RunOnDayAsync(days + 1);
        await RunOnDayAsync(days + 2);

        (await factory.MessageRecipientsAsync(key)).ShouldBe([PortalMessage.CompetenceCentre], "one notice for the account's warnings, once");
        (await factory.MailRecipientsAsync(key)).ShouldBe([factory.CompetenceCentreMailbox()]);
        var message = await factory.QueryAsync(db => db.PortalMessages.SingleAsync(m => m.EventKey.StartsWith(key)));
        message.Subject.ShouldEndWith(": 2 Abweichungen vom Kontoauszug");
        message.Text.ShouldContain($"Die Miete für {months[1]:MM.yyyy}");
        message.Text.ShouldContain($"Die Miete für {months[2]:MM.yyyy}");
    }

    [Fact]
    public void The_job_runs_daily_on_one_instance_at_a_time_and_a_missed_firing_runs_once_when_an_instance_is_back()
    {
        typeof(NotificationReminderJob).GetCustomAttribute<DisallowConcurrentExecutionAttribute>().ShouldNotBeNull();
        var job = NotificationReminderJob.Definition(new NotificationOptions());
        var trigger = job.BuildSchedule(TimeProvider.System).ShouldBeAssignableTo<ICronTrigger>()!;

        trigger.CronExpressionString.ShouldBe("0 30 6 * * ?");
        trigger.TimeZone.ShouldBe(JobSchedules.Germany);
        trigger.MisfireInstruction.ShouldBe(CronTriggerMisfireInstruction.FireAndProceed, "a missed firing runs once now");
        NotificationReminderJob.Definition(new NotificationOptions { RemindersEnabled = false }).Schedule.ShouldBeNull();
    }
}
