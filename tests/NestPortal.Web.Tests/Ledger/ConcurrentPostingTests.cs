using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Data;
using NestPortal.Domain.Common;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Ledger;

/// <summary>
/// Many clerks booking on one account at the same moment, against the real SQLite file: each posting
/// either lands once or is refused, the balance never goes below what the remaining rent needs, and
/// the stored balance is the sum of the entries.
/// </summary>
public sealed class ConcurrentPostingTests : IClassFixture<PortalFactory>
{
    private const int Tasks = 16;
    private const int PostingsPerTask = 100;
    private static readonly Actor Clerk = TestHouseholds.Clerk;
    private readonly PortalFactory _factory;

    public ConcurrentPostingTests(PortalFactory factory) => _factory = factory;

    private sealed record Outcome(Guid Key, decimal Change, bool Booked, int Conflicts);

    [Fact]
    public async Task Sixteen_tasks_posting_a_hundred_times_each_lose_and_double_nothing()
    {
        var groupId = await _factory.CreateApprovedGroupAsync("owner-concurrency", "Gruppe Gleichzeitig");
        var householdId = await _factory.CreateHouseholdAsync();
        var id = await _factory.MatchAsync(groupId, householdId, rent: 500m);
        var today = TestGroups.Today;
        // The permanent rules need 12 × 500 €; start with 500 € more, so refunds up to the surplus are allowed at first.
        await ChangeAsync(id, s => s.RecordDeposit(6_500m, today, "Grundstock", today, Clerk, TestClock.UtcNow));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Tasks).Select(task => Task.Run(() => PostAsync(id, task, today))));
        var all = outcomes.SelectMany(o => o).ToList();

        var entries = await _factory.QueryAsync(db => db.EscrowEntries.AsNoTracking().Where(e => e.SponsorshipId == id).ToListAsync());
        var booked = all.Where(o => o.Booked).ToList();
        entries.Count.ShouldBe(booked.Count + 1, "every acknowledged posting is there, and nothing else");
        entries.Where(e => e.IdempotencyKey != null).Select(e => e.IdempotencyKey!.Value).Order()
            .ShouldBe(booked.Select(o => o.Key).Order(), "each posting once, none lost, none doubled");
        var balance = entries.Sum(e => e.Amount);
        balance.ShouldBe(6_500m + booked.Sum(o => o.Change));
        var stored = await _factory.QueryAsync(db => db.Sponsorships.Where(s => s.Id == id).Select(s => new { s.EscrowBalance, s.EscrowShortfall }).SingleAsync());
        stored.EscrowBalance.ShouldBe(balance);
        // Refunds may take only the surplus: the account never falls below the 6,000 € the rent needs.
        balance.ShouldBeGreaterThanOrEqualTo(6_000m);
        stored.EscrowShortfall.ShouldBe(0m);
        // The run was really concurrent: some saves met a stale stamp and retried.
        all.Sum(o => o.Conflicts).ShouldBeGreaterThan(0);
        booked.Count(o => o.Change < 0).ShouldBeGreaterThan(0);
    }

    /// <summary>One clerk's postings: deposits of 1–100 € and refunds of 1–150 €, each retried on a stale stamp until it lands or is refused.</summary>
    private async Task<List<Outcome>> PostAsync(int id, int task, DateOnly today)
    {
        var random = new Random(task);
        var outcomes = new List<Outcome>();
        for (var i = 0; i < PostingsPerTask; i++)
        {
            var key = Guid.NewGuid();
            var deposit = random.Next(2) == 0;
            var amount = random.Next(100, 15_000) / 100m;
            var conflicts = 0;
            while (true)
            {
                try
                {
                    await ChangeAsync(id, s =>
                    {
                        if (deposit) s.RecordDeposit(amount, today, "Einzahlung", today, Clerk, TestClock.UtcNow, key);
                        else s.Refund(amount, "Rückzahlung", today, Clerk, TestClock.UtcNow, key);
                    });
                    outcomes.Add(new Outcome(key, deposit ? amount : -amount, true, conflicts));
                    break;
                }
                catch (DomainException)
                {
                    outcomes.Add(new Outcome(key, 0, false, conflicts));
                    break;
                }
                catch (Exception exception) when (exception is DbUpdateConcurrencyException
                                                      || exception.GetBaseException() is SqliteException { SqliteErrorCode: 5 or 6 })
                {
                    // A stale stamp (someone booked since we loaded) or a busy database: load again and retry,
                    // after a short random pause so sixteen clerks do not keep colliding in step.
                    conflicts++;
                    await Task.Delay(random.Next(1, 4 * Math.Min(conflicts, 10)));
                }
            }
        }

        return outcomes;
    }

    private async Task ChangeAsync(int id, Action<Sponsorship> book)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NestPortalDbContext>();
        var sponsorship = await db.Sponsorships.AsSplitQuery().SingleAsync(s => s.Id == id);
        book(sponsorship);
        await db.SaveChangesAsync();
    }
}
