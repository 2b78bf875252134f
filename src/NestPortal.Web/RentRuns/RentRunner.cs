using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Data.Operations;
using NestPortal.Domain.Common;
using NestPortal.Domain.Households;
using NestPortal.Domain.Sponsorships;

namespace NestPortal.Web.RentRuns;

/// <summary>
/// The monthly rent run: settles every running sponsorship up to a day (pays each due month, refunds at
/// the end, completes) and records what it did in a <see cref="RentRun"/>. Works in batches by id so
/// memory stays flat and the SQL commands per account stay constant. A batch that cannot be saved (a
/// second run on another server booked the same month first, or any other error) is redone one account
/// at a time, so one bad account costs only itself: it is listed in the run's failure report and the
/// next run tries it again. Months are paid once however often this runs: the domain pays only unpaid
/// months, and the database's unique key per account, month and payment number refuses a second one.
/// </summary>
public sealed class RentRunner(NestPortalDbContext db, RentEndNotices notices, TimeProvider time, ILogger<RentRunner> logger,
    Microsoft.Extensions.Options.IOptions<RentRunOptions>? options = null)
{
    public const int DefaultBatchSize = 200;

    /// <summary>The run's name in the ledger and the audit log.</summary>
    public static readonly Actor Actor = new("rent-run", "Mietlauf");

    public int BatchSize { get; init; } = DefaultBatchSize;

    private TimeSpan Lease => TimeSpan.FromMinutes((options?.Value ?? new RentRunOptions()).LeaseMinutes);

    /// <param name="paidThrough">The day to settle for: every month due by then is paid.</param>
    /// <param name="startedBy">"Zeitplan" for the background service, else the administrator's name.</param>
    public async Task<RentRun> RunAsync(DateOnly paidThrough, string startedBy, CancellationToken cancellationToken = default)
    {
        // A batch's payments, account rows and their audit entries go in as multi-row commands (ADR 0034), not
        // one command per row: the same rows in the same transaction, so the guarantees above hold unchanged.
        // The ledger's new entries go in by multi-row insert with their ids read back (SQLite; ADR 0034's amendment).
        // Changes are detected once per save (the audit trail's Collect does it), not on every DbSet.Local look-up:
        // each rent-end notice looks at the outbox twice, and each look-up scanned the batch's whole graph.
        var (batched, direct, ledger) = (db.BatchesWrites, db.WritesAuditEntriesDirectly, db.InsertsLedgerEntriesDirectly);
        var detects = db.ChangeTracker.AutoDetectChangesEnabled;
        db.BatchesWrites = db.WritesAuditEntriesDirectly = db.InsertsLedgerEntriesDirectly = true;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await RunBatchedAsync(paidThrough, startedBy, cancellationToken);
        }
        finally
        {
            (db.BatchesWrites, db.WritesAuditEntriesDirectly, db.InsertsLedgerEntriesDirectly) = (batched, direct, ledger);
            db.ChangeTracker.AutoDetectChangesEnabled = detects;
        }
    }

    private async Task<RentRun> RunBatchedAsync(DateOnly paidThrough, string startedBy, CancellationToken cancellationToken)
    {
        await CloseDeadRunsAsync(cancellationToken);
        var run = new RentRun(paidThrough, startedBy, time.UtcNow());
        run.Begin(await db.Sponsorships.CountAsync(s => s.Status == SponsorshipStatus.Running, cancellationToken), time.UtcNow());
        db.RentRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            run = await SettleAllAsync(run, paidThrough, cancellationToken);
        }
        catch (Exception exception)
        {
            // A run that stops midway (database gone, shutdown) must say so, not look as if it still ran.
            // What it booked stays booked; the next run carries on from there.
            logger.LogError(exception, "Rent run {RunId} stopped before it was done", run.Id);
            run = await ForgetUnsavedAsync(run.Id, CancellationToken.None);
            run.Abort(exception is OperationCanceledException ? "Der Dienst wurde beendet." : exception.GetBaseException().Message, time.UtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            throw;
        }

        run.Finish(time.UtcNow());
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        logger.LogInformation("Rent run {RunId} through {PaidThrough}: {Accounts} accounts, {Payments} payments, {Refunds} refunds, {Completed} completed, {Failures} failures",
            run.Id, paidThrough, run.AccountsChecked, run.Payments, run.Refunds, run.SponsorshipsCompleted, run.Failures);
        return run;
    }

    /// <summary>
    /// Runs whose process was killed (no batch saved within the lease) are closed as aborted, so the list
    /// stops calling them running. What they booked stays booked; this run carries on from there.
    /// </summary>
    private async Task CloseDeadRunsAsync(CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var unfinished = await db.RentRuns.Where(r => r.FinishedAtUtc == null).ToListAsync(cancellationToken);
        foreach (var dead in unfinished.Where(r => r.HasDied(now, Lease)))
        {
            logger.LogWarning("Rent run {RunId} has not reported since {LastSign:u}; closing it as aborted", dead.Id, dead.LastSignOfLifeUtc);
            dead.Abort($"Der Lauf hat sich seit {Infrastructure.Clock.InGermany(dead.LastSignOfLifeUtc):dd.MM.yyyy HH:mm} Uhr nicht mehr gemeldet; sein Prozess wurde vermutlich beendet. Was er gebucht hat, bleibt gebucht.", now);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>Every running sponsorship, batch by batch; returns the run with its counts.</summary>
    private async Task<RentRun> SettleAllAsync(RentRun run, DateOnly paidThrough, CancellationToken cancellationToken)
    {
        var afterId = 0;
        while (true)
        {
            // Running ones before Take: a stretch of 200 completed sponsorships must not end the run.
            var batch = await LoadAsync(db.Sponsorships.Where(s => s.Status == SponsorshipStatus.Running && s.Id > afterId).OrderBy(s => s.Id).Take(BatchSize), cancellationToken);
            if (batch.Sponsorships.Count == 0) break;
            afterId = batch.Sponsorships[^1].Id;
            try
            {
                await SettleAsync(run, batch, paidThrough, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Rent run {RunId}: the batch after sponsorship {FirstId} could not be saved; settling its {Count} accounts one by one",
                    run.Id, batch.Sponsorships[0].Id, batch.Sponsorships.Count);
                var ids = batch.Sponsorships.Select(s => s.Id).ToList();
                run = await ForgetUnsavedAsync(run.Id, cancellationToken);
                foreach (var id in ids) run = await SettleAloneAsync(run, id, paidThrough, cancellationToken);
            }

            // What is saved is forgotten, so a run over every account keeps only one batch in memory.
            db.ChangeTracker.Clear();
            db.RentRuns.Attach(run);
        }

        return run;
    }

    /// <summary>One account in its own save: its failure is recorded and the run goes on.</summary>
    private async Task<RentRun> SettleAloneAsync(RentRun run, int sponsorshipId, DateOnly paidThrough, CancellationToken cancellationToken)
    {
        try
        {
            var batch = await LoadAsync(db.Sponsorships.Where(s => s.Id == sponsorshipId), cancellationToken);
            await SettleAsync(run, batch, paidThrough, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return run;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Rent run {RunId}: sponsorship {SponsorshipId} could not be settled", run.Id, sponsorshipId);
            run = await ForgetUnsavedAsync(run.Id, cancellationToken);
            run.CountAccount();
            run.RecordFailure(sponsorshipId, FailureReasons.Of(exception));
            run.Beat(time.UtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return run;
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.RentRuns.Attach(run);
        }
    }

    /// <summary>Drops every unsaved change and reads the run back as last saved, so its counts hold only what was booked.</summary>
    private async Task<RentRun> ForgetUnsavedAsync(int runId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.RentRuns.SingleAsync(r => r.Id == runId, cancellationToken);
    }

    /// <summary>Running sponsorships with their ledgers (auto-included), and their households' persons for the support end.</summary>
    private async Task<Batch> LoadAsync(IQueryable<Sponsorship> which, CancellationToken cancellationToken)
    {
        var sponsorships = await which.Where(s => s.Status == SponsorshipStatus.Running).AsSplitQuery().ToListAsync(cancellationToken);
        if (sponsorships.Count == 0) return new Batch([], new Dictionary<int, Household>());
        var householdIds = sponsorships.Select(s => s.HouseholdId).ToList();
        var households = await db.Households.AsNoTracking().Include(h => h.Persons).Where(h => householdIds.Contains(h.Id))
            .AsSplitQuery().ToDictionaryAsync(h => h.Id, cancellationToken);
        return new Batch(sponsorships, households);
    }

    private async Task SettleAsync(RentRun run, Batch batch, DateOnly today, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        // Saved with the batch: the run's sign of life and its progress.
        run.Beat(now);
        foreach (var sponsorship in batch.Sponsorships)
        {
            var household = batch.Households.GetValueOrDefault(sponsorship.HouseholdId);
            Count(run, sponsorship.Id, sponsorship.Settle(today, household?.SupportEndsOn(sponsorship.SupportMonths), Actor, now));
            if (household is not null && sponsorship.NeedsRentEndNotice(today, RentEndNotices.DaysAhead))
                // A query or two for the few accounts 90 days before their end, not for every account.
                await notices.QueueAsync(sponsorship, household, today, cancellationToken);
        }
    }

    /// <summary>Adds one account's settlement to the run's figures; a balance too low for a due month is a failure to mend.</summary>
    public static void Count(RentRun run, int sponsorshipId, SettlementResult result)
    {
        run.CountAccount();
        // Entries carry their effect on the balance: money going out is negative.
        foreach (var payment in result.Payments) run.CountPayment(-payment.Amount);
        if (result.Refund is { } refund) run.CountRefund(-refund.Amount);
        if (result.Completed) run.CountCompletion();
        if (result.Problem is { } problem) run.RecordFailure(sponsorshipId, problem.Format());
    }

    private sealed record Batch(IReadOnlyList<Sponsorship> Sponsorships, IReadOnlyDictionary<int, Household> Households);
}
