using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NestPortal.Data;
using NestPortal.Domain.Banking;
using NestPortal.Domain.Common;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Banking;

/// <summary>
/// Loads what an account's reconciliation needs (the sponsorship with its ledger, its bank entries, matches,
/// waivers and statement balances, never the statement files) and stores what it finds: new matches. The
/// rules are the domain's (<see cref="AccountReconciliation"/>); this class only reads and saves.
/// </summary>
public sealed class Reconciler(NestPortalDbContext db, TimeProvider time, IOptions<ReconciliationOptions> options)
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

    /// <summary>Finds and saves the matches the rules make now (after an upload, or when the ledger booked since).</summary>
    public async Task<int> MatchAsync(int sponsorshipId, Actor actor, CancellationToken cancellationToken = default)
    {
        if (await LoadAsync(sponsorshipId, cancellationToken) is not { } reconciliation) return 0;
        var found = reconciliation.FindNewMatches(actor, time.UtcNow());
        if (found.Count == 0) return 0;
        db.BankMatches.AddRange(found);
        await db.SaveChangesAsync(cancellationToken);
        // Where the coordinator's notifications exist, new warnings go to the competence centre from here
        // (see NotifyWarningsAsync); nothing is sent yet.
        return found.Count;
    }

    /// <summary>
    /// The accounts with a warning today, for the list filter and the competence centre's overview. Only accounts
    /// with statements are reconciled, so only they can have one (ADR 0025).
    /// </summary>
    public async Task<HashSet<int>> AccountsWithWarningsAsync(CancellationToken cancellationToken = default)
    {
        var ids = await db.BankStatements.Select(s => s.SponsorshipId).Distinct().ToListAsync(cancellationToken);
        var warned = new HashSet<int>();
        foreach (var id in ids)
        {
            if (await LoadAsync(id, cancellationToken) is { Warnings.Count: > 0 }) warned.Add(id);
            db.ChangeTracker.Clear();
        }

        return warned;
    }

    /// <summary>
    /// The place where the warnings of an account reach the competence centre as a message, once the
    /// notification API (src/NestPortal.Web/Notifications/) is merged: call it after
    /// <see cref="MatchAsync"/> and from a daily job. Until then the warnings show on the pages only.
    /// </summary>
    public static Task NotifyWarningsAsync(int sponsorshipId, IReadOnlyList<ReconciliationWarning> warnings, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;
}
