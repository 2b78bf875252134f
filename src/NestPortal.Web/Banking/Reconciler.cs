using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NestPortal.Data;
using NestPortal.Domain.Banking;
using NestPortal.Domain.Common;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.Notifications;

namespace NestPortal.Web.Banking;

/// <summary>
/// Loads what an account's reconciliation needs (the sponsorship with its ledger, its bank entries, matches,
/// waivers and statement balances, never the statement files) and stores what it finds: new matches. The
/// rules are the domain's (<see cref="AccountReconciliation"/>); this class only reads and saves.
/// </summary>
public sealed class Reconciler(NestPortalDbContext db, TimeProvider time, IOptions<ReconciliationOptions> options, Notifier notifier)
{
    public ReconciliationOptions Options => options.Value;

    /// <summary>The account as of today, or null for an unknown sponsorship.</summary>
    public async Task<AccountReconciliation?> LoadAsync(int sponsorshipId, CancellationToken cancellationToken = default)
    {
        var sponsorship = await db.Sponsorships.AsSplitQuery().SingleOrDefaultAsync(s => s.Id == sponsorshipId, cancellationToken);
        return sponsorship is null ? null : await LoadAsync(sponsorship, cancellationToken);
    }

    public async Task<AccountReconciliation> LoadAsync(Sponsorship sponsorship, CancellationToken cancellationToken = default)
    {
        var id = sponsorship.Id;
        var bank = await db.BankEntries.AsNoTracking().Where(e => e.SponsorshipId == id).ToListAsync(cancellationToken);
        var matches = await db.BankMatches.AsNoTracking().Where(m => m.SponsorshipId == id).ToListAsync(cancellationToken);
        var waivers = await db.BankWaivers.AsNoTracking().Where(w => w.SponsorshipId == id).ToListAsync(cancellationToken);
        var statements = await db.BankStatements.Where(s => s.SponsorshipId == id)
            .Select(s => new StatementSummary(s.Id, s.FromDate, s.ClosingBalance, s.ClosingDate)).ToListAsync(cancellationToken);
        return new AccountReconciliation(sponsorship, bank, matches, waivers, statements, options.Value, time.TodayInGermany());
    }

    /// <summary>
    /// Finds and saves the matches the rules make now (after an upload, or when the ledger booked since), then tells
    /// the competence centre of the account's warnings that nobody has been told of yet.
    /// </summary>
    public async Task<int> MatchAsync(int sponsorshipId, Actor actor, CancellationToken cancellationToken = default)
    {
        if (await LoadAsync(sponsorshipId, cancellationToken) is not { } reconciliation) return 0;
        var found = reconciliation.FindNewMatches(actor, time.UtcNow());
        if (found.Count > 0)
        {
            db.BankMatches.AddRange(found);
            await db.SaveChangesAsync(cancellationToken);
            reconciliation = await LoadAsync(reconciliation.Sponsorship, cancellationToken);
        }

        await NotifyWarningsAsync(reconciliation, cancellationToken);
        return found.Count;
    }

    /// <summary>
    /// The account's warnings as a message (and a mail to the functional mailbox) to the competence centre, once
    /// per set of warnings (<see cref="BankNotices.Warnings"/>), saved in its own save: the warnings are worked out from what is
    /// saved already, and one not told now (a failure) is told by the next upload or the daily reminders.
    /// </summary>
    public async Task<int> NotifyWarningsAsync(AccountReconciliation reconciliation, CancellationToken cancellationToken = default)
    {
        if (reconciliation.Warnings.Count == 0) return 0;
        var sponsorship = reconciliation.Sponsorship;
        var reference = await db.Households.Where(h => h.Id == sponsorship.HouseholdId).Select(h => h.Reference).SingleAsync(cancellationToken);
        await notifier.ToCompetenceCentreAsync(BankNotices.Warnings(sponsorship.Id, reference, reconciliation.Warnings), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return reconciliation.Warnings.Count;
    }

    /// <summary>
    /// The accounts with a warning today, for the list filter and the competence centre's overview. Only accounts
    /// with statements are reconciled, so only they can have one (ADR 0025). A fixed number of queries whatever the
    /// number of accounts: each part of every reconciled account is read at once and grouped here, and the rules
    /// run per account in memory, as <see cref="LoadAsync(Sponsorship, CancellationToken)"/> would give them.
    /// </summary>
    public async Task<HashSet<int>> AccountsWithWarningsAsync(CancellationToken cancellationToken = default)
    {
        var reconciled = db.BankStatements.Select(s => s.SponsorshipId);
        var sponsorships = await db.Sponsorships.AsNoTracking().AsSplitQuery().Where(s => reconciled.Contains(s.Id)).ToListAsync(cancellationToken);
        var bank = (await db.BankEntries.AsNoTracking().Where(e => reconciled.Contains(e.SponsorshipId)).ToListAsync(cancellationToken))
            .ToLookup(e => e.SponsorshipId);
        var matches = (await db.BankMatches.AsNoTracking().Where(m => reconciled.Contains(m.SponsorshipId)).ToListAsync(cancellationToken))
            .ToLookup(m => m.SponsorshipId);
        var waivers = (await db.BankWaivers.AsNoTracking().Where(w => reconciled.Contains(w.SponsorshipId)).ToListAsync(cancellationToken))
            .ToLookup(w => w.SponsorshipId);
        var statements = (await db.BankStatements
                .Select(s => new { s.SponsorshipId, Summary = new StatementSummary(s.Id, s.FromDate, s.ClosingBalance, s.ClosingDate) })
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.SponsorshipId, s => s.Summary);
        var today = time.TodayInGermany();
        return sponsorships
            .Where(s => new AccountReconciliation(s, bank[s.Id], matches[s.Id].ToList(), waivers[s.Id].ToList(), statements[s.Id], options.Value, today)
                .Warnings.Count > 0)
            .Select(s => s.Id)
            .ToHashSet();
    }
}
