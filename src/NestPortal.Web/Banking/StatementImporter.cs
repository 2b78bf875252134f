using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Banking;
using NestPortal.Domain.Common;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Banking;

/// <summary>What an upload brought: statements stored, entries added, entries already known, matches found.</summary>
public sealed record StatementImportResult(int Statements, int EntriesAdded, int EntriesAlreadyKnown, int Matches);

/// <summary>
/// Stores an uploaded statement file for one rent account: parsed (bounded, no DTDs), every statement in it
/// checked to be this account's, the bookings the account does not know yet added, the file kept with the
/// statement, then reconciled. An overlapping upload adds only what is new; one that brings nothing new
/// stores nothing (ADR 0025).
/// </summary>
public sealed class StatementImporter(NestPortalDbContext db, Reconciler reconciler, TimeProvider time)
{
    public async Task<StatementImportResult> ImportAsync(int sponsorshipId, string fileName, byte[] content, Actor actor, CancellationToken cancellationToken = default)
    {
        var iban = await db.Sponsorships.Where(s => s.Id == sponsorshipId).Select(s => s.EscrowAccount.Iban).SingleAsync(cancellationToken);
        IReadOnlyList<StatementData> statements;
        using (var stream = new MemoryStream(content, writable: false))
            statements = new CamtParser(maxCharacters: Math.Max(content.Length, 1024)).Parse(stream);
        if (statements.FirstOrDefault(s => s.Iban != iban.Value) is { } other)
            throw StatementRefusal.OtherAccount(Iban.Parse(other.Iban).Formatted, iban.Formatted);

        var known = (await db.BankEntries.Where(e => e.SponsorshipId == sponsorshipId).Select(e => e.EntryKey).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var added = 0;
        var alreadyKnown = 0;
        var stored = 0;
        foreach (var data in statements)
        {
            var statement = BankStatement.Receive(sponsorshipId, data, fileName, content, known, actor, time.UtcNow());
            added += statement.EntriesAdded;
            alreadyKnown += statement.EntriesAlreadyKnown;
            // A statement that brings nothing new is not stored again, but a newer closing balance still counts.
            if (statement.EntriesAdded == 0 && await HasBalanceAsync(sponsorshipId, data, cancellationToken)) continue;
            db.BankStatements.Add(statement);
            stored++;
        }

        if (stored > 0) await db.SaveChangesAsync(cancellationToken);
        var matches = await reconciler.MatchAsync(sponsorshipId, actor, cancellationToken);
        return new StatementImportResult(stored, added, alreadyKnown, matches);
    }

    /// <summary>
    /// A file of several accounts (a trustee's or the bank's export): each statement goes to the running sponsorship
    /// whose rent account has its IBAN and keeps only its own statement element (no account's record holds another's
    /// bookings); statements of unknown accounts are counted and left out. Saved per account, then reconciled.
    /// </summary>
    public async Task<(int Accounts, int UnknownAccounts, StatementImportResult Total)> ImportForAccountsAsync(string fileName, byte[] content, Actor actor,
        CancellationToken cancellationToken = default)
    {
        IReadOnlyList<StatementData> statements;
        using (var stream = new MemoryStream(content, writable: false))
            statements = new CamtParser(maxCharacters: Math.Max(content.Length, 1024)).Parse(stream);
        var byIban = (await db.Sponsorships.Where(s => s.Status == Domain.Sponsorships.SponsorshipStatus.Running)
                .Select(s => new { s.Id, s.EscrowAccount.Iban }).ToListAsync(cancellationToken))
            .GroupBy(s => s.Iban.Value).ToDictionary(g => g.Key, g => g.Max(s => s.Id));
        int accounts = 0, unknown = 0, added = 0, known = 0, matches = 0;
        foreach (var group in statements.GroupBy(s => s.Iban))
        {
            if (!byIban.TryGetValue(group.Key, out var sponsorshipId))
            {
                unknown++;
                continue;
            }

            var keys = (await db.BankEntries.Where(e => e.SponsorshipId == sponsorshipId).Select(e => e.EntryKey).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            foreach (var data in group)
            {
                var own = System.Text.Encoding.UTF8.GetBytes(data.SourceXml ?? string.Empty);
                var statement = BankStatement.Receive(sponsorshipId, data, fileName, own, keys, actor, time.UtcNow());
                added += statement.EntriesAdded;
                known += statement.EntriesAlreadyKnown;
                if (statement.EntriesAdded > 0 || !await HasBalanceAsync(sponsorshipId, data, cancellationToken)) db.BankStatements.Add(statement);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            matches += await reconciler.MatchAsync(sponsorshipId, actor, cancellationToken);
            db.ChangeTracker.Clear();
            accounts++;
        }

        return (accounts, unknown, new StatementImportResult(accounts, added, known, matches));
    }

    private Task<bool> HasBalanceAsync(int sponsorshipId, StatementData data, CancellationToken cancellationToken) =>
        db.BankStatements.AnyAsync(s => s.SponsorshipId == sponsorshipId && s.ClosingDate == data.ClosingDate && s.ClosingBalance == data.ClosingBalance, cancellationToken);
}
