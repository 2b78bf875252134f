using NestPortal.Data.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.RentRuns;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.RentRuns;

/// <summary>
/// The monthly rent run against the real SQLite file, with explicit days: each due month paid exactly
/// once, however often, late or concurrently the run goes; refund and completion at the end.
/// </summary>
public sealed class RentRunnerTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly DateOnly January2024 = new(2024, 1, 1);

    private static DateOnly Month(int year, int month) => new(year, month, 1);

    /// <summary>Regression (hardening issue): a run killed mid-way stayed "läuft oder abgebrochen" for ever.</summary>
    [Fact]
    public async Task A_run_closes_earlier_runs_whose_process_died_and_leaves_live_ones_alone()
    {
        var dead = new RentRun(new DateOnly(2024, 3, 1), "Zeitplan", TestClock.UtcNow.AddHours(-2));
        dead.Begin(40, TestClock.UtcNow.AddHours(-2));
        dead.CountAccount();
        var alive = new RentRun(new DateOnly(2024, 3, 1), "Zweite Instanz", TestClock.UtcNow.AddMinutes(-1));
        await factory.ExecuteAsync(async db => { db.RentRuns.AddRange(dead, alive); await db.SaveChangesAsync(); });

        var run = await factory.RunRentAsync(new DateOnly(2024, 3, 2));

        var closed = await factory.QueryAsync(db => db.RentRuns.AsNoTracking().SingleAsync(r => r.Id == dead.Id));
        closed.FinishedAtUtc.ShouldNotBeNull();
        closed.FailureReport.ShouldNotBeNull().ShouldContain("nicht mehr gemeldet");
        closed.AccountsChecked.ShouldBe(1);
        (await factory.QueryAsync(db => db.RentRuns.AsNoTracking().SingleAsync(r => r.Id == alive.Id))).FinishedAtUtc.ShouldBeNull();
        run.FinishedAtUtc.ShouldNotBeNull();
        run.HeartbeatAtUtc.ShouldNotBeNull();
        await factory.QueryAsync(db => db.RentRuns.Where(r => r.Id == alive.Id).ExecuteDeleteAsync());
    }

    [Fact]
    public void A_run_is_dead_when_unfinished_and_silent_for_longer_than_its_lease()
    {
        var start = new DateTime(2026, 6, 17, 7, 0, 0, DateTimeKind.Utc);
        var run = new RentRun(new DateOnly(2026, 6, 17), "Zeitplan", start);
        var lease = TimeSpan.FromMinutes(10);

        run.HasDied(start.AddMinutes(10), lease).ShouldBeFalse();
        run.HasDied(start.AddMinutes(11), lease).ShouldBeTrue();
        run.Beat(start.AddMinutes(9));
        run.HasDied(start.AddMinutes(11), lease).ShouldBeFalse();
        run.Finish(start.AddMinutes(12));
        run.HasDied(start.AddHours(5), lease).ShouldBeFalse();
    }

    [Fact]
    public async Task A_second_run_the_same_day_pays_nothing_more()
    {
        var (id, _) = await factory.FundedAsync("Mietlauf zweimal", January2024, 12 * RentAccounts.Rent);

        var first = await factory.RunRentAsync(new DateOnly(2024, 3, 2));
        var second = await factory.RunRentAsync(new DateOnly(2024, 3, 2));

        var entries = await factory.EntriesAsync(id);
        entries.PaidMonths().ShouldBe([Month(2024, 1), Month(2024, 2), Month(2024, 3)]);
        first.Payments.ShouldBeGreaterThanOrEqualTo(3);
        first.FinishedAtUtc.ShouldNotBeNull();
        second.FinishedAtUtc.ShouldNotBeNull();
        second.AccountsChecked.ShouldBeGreaterThanOrEqualTo(1);
        (await factory.SponsorshipAsync(id)).Balance.ShouldBe(9 * RentAccounts.Rent);
    }

    [Fact]
    public async Task After_three_months_of_downtime_exactly_the_three_missed_months_are_paid()
    {
        var (id, _) = await factory.FundedAsync("Mietlauf Ausfall", January2024, 12 * RentAccounts.Rent);
        await factory.RunRentAsync(new DateOnly(2024, 2, 5));
        var before = (await factory.EntriesAsync(id)).PaidMonths().ToList();

        await factory.RunRentAsync(new DateOnly(2024, 5, 5));

        before.ShouldBe([Month(2024, 1), Month(2024, 2)]);
        var after = (await factory.EntriesAsync(id)).PaidMonths().ToList();
        after.Except(before).ShouldBe([Month(2024, 3), Month(2024, 4), Month(2024, 5)]);
        after.Count.ShouldBe(5);
    }

    [Fact]
    public async Task Pilot_rules_from_November_2019_pay_24_months_to_October_2021_then_refund_and_complete()
    {
        var (id, _) = await factory.FundedAsync("Mietlauf Pilot", new DateOnly(2019, 11, 1), 24 * RentAccounts.Rent + 123.45m, pilot: true);

        var run = await factory.RunRentAsync(new DateOnly(2021, 12, 15));

        var entries = await factory.EntriesAsync(id);
        var paid = entries.PaidMonths().ToList();
        paid.Count.ShouldBe(24);
        paid[0].ShouldBe(Month(2019, 11));
        paid[^1].ShouldBe(Month(2021, 10));
        var refund = entries.Single(e => e.Kind == EscrowEntryKind.Refund);
        refund.Amount.ShouldBe(-123.45m);
        entries.Last().ShouldBe(refund, "the refund comes after the last rent payment");
        var sponsorship = await factory.SponsorshipAsync(id);
        sponsorship.Balance.ShouldBe(0m);
        sponsorship.Status.ShouldBe(SponsorshipStatus.Completed);
        sponsorship.CompletedOn.ShouldBe(new DateOnly(2021, 12, 15));
        run.Refunds.ShouldBeGreaterThanOrEqualTo(1);
        run.SponsorshipsCompleted.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Permanent_rules_pay_12_months_and_complete_the_rent_period()
    {
        var (id, _) = await factory.FundedAsync("Mietlauf dauerhaft", new DateOnly(2019, 11, 1), 12 * RentAccounts.Rent);

        await factory.RunRentAsync(new DateOnly(2021, 1, 10));

        var paid = (await factory.EntriesAsync(id)).PaidMonths().ToList();
        paid.Count.ShouldBe(12);
        paid[^1].ShouldBe(Month(2020, 10));
        var sponsorship = await factory.SponsorshipAsync(id);
        sponsorship.RentPeriodCompletedOn.ShouldBe(new DateOnly(2021, 1, 10));
        sponsorship.Balance.ShouldBe(0m);
    }

    [Fact]
    public async Task An_underfunded_account_is_paid_as_far_as_it_reaches_and_reported_without_overdraft()
    {
        var (id, _) = await factory.FundedAsync("Mietlauf unterdeckt", January2024, 2 * RentAccounts.Rent + 100m);

        var run = await factory.RunRentAsync(new DateOnly(2024, 4, 5));
        var again = await factory.RunRentAsync(new DateOnly(2024, 4, 5));

        (await factory.EntriesAsync(id)).PaidMonths().ShouldBe([Month(2024, 1), Month(2024, 2)]);
        (await factory.SponsorshipAsync(id)).Balance.ShouldBe(100m);
        foreach (var report in new[] { run, again })
        {
            report.Failures.ShouldBeGreaterThanOrEqualTo(1);
            report.FailureReport.ShouldNotBeNull();
            report.FailureReport.ShouldContain($"#{id}: Das Guthaben von 100,00 € reicht für die Miete für 03.2024 (650,00 €) nicht aus.");
        }

        var saved = await factory.QueryAsync(db => db.RentRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id));
        saved.FailureReport.ShouldBe(run.FailureReport);
    }

    [Fact]
    public async Task Two_runs_at_once_pay_each_month_once()
    {
        var accounts = new List<int>();
        for (var i = 0; i < 6; i++)
            accounts.Add((await factory.FundedAsync($"Mietlauf parallel {i}", January2024, 12 * RentAccounts.Rent)).Sponsorship);
        var day = new DateOnly(2024, 6, 10);

        var runs = await Task.WhenAll(Task.Run(() => factory.RunRentAsync(day, "Server A")), Task.Run(() => factory.RunRentAsync(day, "Server B")));

        runs.ShouldAllBe(r => r.FinishedAtUtc != null);
        foreach (var id in accounts)
        {
            (await factory.EntriesAsync(id)).PaidMonths().ShouldBe(Enumerable.Range(1, 6).Select(m => Month(2024, m)));
            (await factory.SponsorshipAsync(id)).Balance.ShouldBe(6 * RentAccounts.Rent);
        }

        var paidTogether = await factory.QueryAsync(db => db.EscrowEntries
            .CountAsync(e => accounts.Contains(e.SponsorshipId) && e.Kind == EscrowEntryKind.RentPayment));
        paidTogether.ShouldBe(36);
    }

    [Fact]
    public async Task The_municipality_is_told_once_90_days_before_the_rent_ends()
    {
        var (id, householdId) = await factory.FundedAsync("Mietlauf Hinweis", January2024, 12 * RentAccounts.Rent, allocatedTo: "05913000");
        var reference = await factory.QueryAsync(db => db.Households.Where(h => h.Id == householdId).Select(h => h.Reference).SingleAsync());

        await factory.RunRentAsync(new DateOnly(2024, 9, 15));
        var tooEarly = await MailsAboutAsync(reference);
        await factory.RunRentAsync(new DateOnly(2024, 10, 15));
        await factory.RunRentAsync(new DateOnly(2024, 10, 20));

        tooEarly.ShouldBeEmpty();
        var mails = await MailsAboutAsync(reference);
        mails.Count.ShouldBe(1);
        mails[0].To.ShouldBe("kommune@demo.nestportal.invalid");
        mails[0].Subject.ShouldBe($"Mietzahlung aus dem Mietkonto endet am 31.12.2024 (Familie {reference})");
        mails[0].HtmlBody.ShouldContain("ab dem 01.01.2025");
        (await factory.SponsorshipAsync(id)).RentEndNoticeSentOn.ShouldBe(new DateOnly(2024, 10, 15));
        // Also in the message list of the municipality's account, once.
        (await factory.QueryAsync(db => db.PortalMessages.CountAsync(m => m.EventKey == $"rent-ending:{id}:2024-12-31"))).ShouldBe(1);
    }

    [Fact]
    public async Task Sql_commands_per_account_do_not_grow_with_the_number_of_accounts()
    {
        // Settled in a year no other test of this class books in, so only these accounts have work.
        var leaseStart = new DateOnly(2022, 1, 1);
        for (var i = 0; i < 4; i++) await factory.FundedAsync($"Mietlauf Befehle {i}", leaseStart, 12 * RentAccounts.Rent);
        var few = await factory.CommandsDuringAsync(() => factory.RunRentAsync(new DateOnly(2022, 1, 5)));
        for (var i = 0; i < 12; i++) await factory.FundedAsync($"Mietlauf Befehle viele {i}", leaseStart.AddMonths(1), 12 * RentAccounts.Rent);
        var many = await factory.CommandsDuringAsync(() => factory.RunRentAsync(new DateOnly(2022, 2, 5)));

        // 4 accounts pay one month each in the first run; 16 in the second. Fixed costs aside, an account costs
        // a share of a batched command (its payment and its row, 25 to a command; their audit entries, many to
        // an insert, ADR 0034), not a command of its own, let alone a query.
        var perAccount = (many - few) / 12.0;
        perAccount.ShouldBeLessThan(1);
    }

    /// <summary>
    /// The payments go in by multi-row insert with their generated ids read back (ADR 0034's amendment): each payment's
    /// audit entry must name that payment, not a neighbour in the same statement.
    /// </summary>
    [Fact]
    public async Task Each_payment_inserted_in_bulk_has_its_own_audit_entry()
    {
        // A year no other test of this class books in; several accounts with several months each share one statement.
        var accounts = new List<int>();
        for (var i = 0; i < 3; i++)
            accounts.Add((await factory.FundedAsync($"Mietlauf Protokoll {i}", new DateOnly(2023, 1, 1), 12 * RentAccounts.Rent)).Sponsorship);

        await factory.RunRentAsync(new DateOnly(2023, 3, 5));

        var payments = await factory.QueryAsync(db => db.EscrowEntries.AsNoTracking()
            .Where(e => accounts.Contains(e.SponsorshipId) && e.Kind == EscrowEntryKind.RentPayment).ToListAsync());
        payments.Count.ShouldBe(9);
        var ids = payments.Select(p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var audit = await factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(EscrowEntry) && ids.Contains(a.EntityId)).ToListAsync());
        foreach (var payment in payments)
        {
            var entry = audit.Where(a => a.EntityId == payment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ShouldHaveSingleItem();
            entry.Changes.ShouldNotBeNull();
            entry.Changes.ShouldContain($"\"New\":\"{payment.Reference}\"");
            entry.Changes.ShouldContain($"\"New\":\"{payment.SponsorshipId}\"");
        }
    }

    private Task<List<NestPortal.Data.Operations.OutgoingMail>> MailsAboutAsync(string reference) =>
        factory.QueryAsync(db => db.OutgoingMails.AsNoTracking().Where(m => m.Subject.Contains(reference)).ToListAsync());
}
