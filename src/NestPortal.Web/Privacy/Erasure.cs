using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NestPortal.Data;
using NestPortal.Data.Identity;
using NestPortal.Domain.Banking;
using NestPortal.Domain.Documents;
using NestPortal.Domain.Households;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Authorization;

namespace NestPortal.Web.Privacy;

/// <summary>
/// Lets personal data go when its purpose has ended (ADR 0014): finds what is due under
/// <see cref="RetentionOptions"/> and erases it through the domain, so the yearly report's fields stay
/// and the audit log records who erased what and when. The plan is the dry run; running the erasure
/// twice changes nothing the second time.
/// </summary>
public sealed class Erasure(
    NestPortalDbContext db, UserManager<PortalUser> users, TimeProvider time, IOptions<RetentionOptions> options,
    IOptions<Notifications.NotificationOptions> notifications, Notifications.UnreadCounts unreadCounts, ILogger<Erasure> logger)
{
    private const int BatchSize = 100;

    /// <summary>Statements loaded at a time: a file may be 10 MB (Reconciliation:MaxStatementMegabytes).</summary>
    private const int StatementBatchSize = 5;

    /// <summary>An erased statement's file, compared in SQL (a blob's length does not translate).</summary>
    private static readonly byte[] NoContent = [];

    private RetentionOptions Options => options.Value;

    /// <summary>What an erasure on <paramref name="today"/> would do; changes nothing.</summary>
    public async Task<ErasurePlan> PlanAsync(DateOnly today, CancellationToken cancellationToken = default) =>
        (await FindDueAsync(today, cancellationToken)).Plan;

    /// <summary>Erases everything due on <paramref name="today"/> and returns what it did.</summary>
    public async Task<ErasurePlan> RunAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var (plan, memberAccountIds, memberAccounts) = await FindDueAsync(today, cancellationToken);
        var nowUtc = time.UtcNow();

        foreach (var batch in plan.Households.Select(h => h.Id).Chunk(BatchSize))
        {
            // The whole aggregate: a household recomputes its derived columns (allocated municipality, status) on every change.
            var households = await db.Households.Include(h => h.Persons).Include(h => h.Allocations).AsSplitQuery()
                .Where(h => batch.Contains(h.Id)).ToListAsync(cancellationToken);
            foreach (var household in households) household.EraseIdentifyingData(today);
            var sponsorships = await db.Sponsorships.Where(s => batch.Contains(s.HouseholdId)).ToListAsync(cancellationToken);
            foreach (var sponsorship in sponsorships) sponsorship.EraseIdentifyingData();
            // The letters name the persons: they go with the household's data, in the same save (ADR 0023).
            db.Letters.RemoveRange(await db.Letters.Where(l => l.HouseholdId != null && batch.Contains(l.HouseholdId.Value)).ToListAsync(cancellationToken));
            await EraseDocumentsAsync(DocumentOwnerKind.Household, batch, nowUtc, cancellationToken);
            await EraseDocumentsAsync(DocumentOwnerKind.Sponsorship, sponsorships.Select(s => s.Id).ToList(), nowUtc, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        await EraseBankDataAsync(cancellationToken);

        // The accounts were found before the groups lose their members' addresses; they are deleted after.
        foreach (var batch in plan.Groups.Select(g => g.Id).Chunk(BatchSize))
        {
            var groups = await db.MentoringGroups.Include(g => g.Members).Include(g => g.History).AsSplitQuery()
                .Where(g => batch.Contains(g.Id)).ToListAsync(cancellationToken);
            foreach (var group in groups) group.EraseMemberData(today, memberAccountIds);
            // The review notices name the main contacts and quote the remarks: they go with the members' data (ADR 0023).
            db.Letters.RemoveRange(await db.Letters.Where(l => l.GroupId != null && batch.Contains(l.GroupId.Value)).ToListAsync(cancellationToken));
            await EraseDocumentsAsync(DocumentOwnerKind.Group, batch, nowUtc, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        // Also volunteer accounts left over by an earlier run that stopped midway: found by what they lack.
        var staff = await StaffAccountIdsAsync();
        var accounts = memberAccounts.Concat(await UnconfirmedAccountsAsync(nowUtc, staff, cancellationToken))
            .Concat(await UnneededVolunteerAccountsAsync(nowUtc, staff, cancellationToken)).DistinctBy(a => a.Id).ToList();
        foreach (var account in accounts) await DeleteAccountAsync(account);

        foreach (var mail in await ExpiredMailBodies(nowUtc).ToListAsync(cancellationToken)) mail.ForgetBody();
        foreach (var import in await ImportReportsWithDetailsAsync(nowUtc, cancellationToken))
        {
            var report = Import.ImportReport.FromJson(import.Report);
            report.Errors.Clear();
            report.Warnings.Clear();
            import.ForgetProblemDetails(report.ToJson());
        }

        await db.SaveChangesAsync(cancellationToken);
        await ExpiredImportFiles(nowUtc).ExecuteDeleteAsync(cancellationToken);
        await ExpiredJobRecords(nowUtc).ExecuteDeleteAsync(cancellationToken);
        await ExpiredMessages(nowUtc).ExecuteDeleteAsync(cancellationToken);
        // Unread among them leave the header's counts of any number of lists: all are counted afresh.
        unreadCounts.ForgetAll();

        await ClearWriteAheadLogAsync(cancellationToken);
        return plan;
    }

    /// <summary>
    /// The plan, and the volunteer accounts of the due groups: all of them (their names leave the groups'
    /// history) and those no other group needs (they are deleted).
    /// </summary>
    private async Task<(ErasurePlan Plan, IReadOnlySet<string> MemberAccountIds, List<PortalUser> MemberAccountsToDelete)> FindDueAsync(
        DateOnly today, CancellationToken cancellationToken)
    {
        var nowUtc = time.UtcNow();
        var staff = await StaffAccountIdsAsync();
        var households = await DueHouseholdsAsync(today, cancellationToken);
        var groups = await DueGroupsAsync(today, cancellationToken);
        var groupIds = groups.Select(g => g.Id).ToList();
        var memberAccounts = await MemberAccountsAsync(groupIds, staff, cancellationToken);
        var toDelete = await NotNeededElsewhereAsync(memberAccounts, groupIds, cancellationToken);
        var unconfirmed = (await UnconfirmedAccountsAsync(nowUtc, staff, cancellationToken)).Count;
        var importFiles = await ExpiredImportFiles(nowUtc).CountAsync(cancellationToken) + (await ImportReportsWithDetailsAsync(nowUtc, cancellationToken)).Count;
        var mailBodies = await ExpiredMailBodies(nowUtc).CountAsync(cancellationToken);
        var jobRecords = await ExpiredJobRecords(nowUtc).CountAsync(cancellationToken);
        var messages = await ExpiredMessages(nowUtc).CountAsync(cancellationToken);
        var plan = new ErasurePlan(today, households, groups, toDelete.Count, unconfirmed, importFiles, mailBodies, jobRecords, messages);
        return (plan, memberAccounts.Select(a => a.Id).ToHashSet(), toDelete);
    }

    private async Task<IReadOnlyList<DueHousehold>> DueHouseholdsAsync(DateOnly today, CancellationToken cancellationToken)
    {
        // Candidates only: not erased, nothing running, and either sponsored or left. The domain decides the day.
        var candidates = await db.Households.AsNoTracking().Include(h => h.Persons)
            .Where(h => h.ErasedOn == null
                        && !db.Sponsorships.Any(s => s.HouseholdId == h.Id && s.Status != SponsorshipStatus.Completed)
                        && (db.Sponsorships.Any(s => s.HouseholdId == h.Id) || h.Status == HouseholdStatus.Left))
            .ToListAsync(cancellationToken);
        var ids = candidates.Select(h => h.Id).ToList();
        var sponsorships = (await db.Sponsorships.AsNoTracking().Where(s => ids.Contains(s.HouseholdId)).ToListAsync(cancellationToken))
            .ToLookup(s => s.HouseholdId);
        return candidates
            .Select(h => (Household: h, DueOn: Options.Periods.HouseholdDueOn(h, sponsorships[h.Id].ToList())))
            .Where(x => x.DueOn is { } due && due <= today)
            .Select(x => new DueHousehold(x.Household.Id, x.Household.Reference, x.DueOn!.Value))
            .OrderBy(x => x.DueOn).ThenBy(x => x.Id)
            .ToList();
    }

    private async Task<IReadOnlyList<DueGroup>> DueGroupsAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var candidates = await db.MentoringGroups.AsNoTracking().Include(g => g.History)
            .Where(g => g.MemberDataErasedOn == null
                        && !db.Sponsorships.Any(s => s.GroupId == g.Id && s.Status != SponsorshipStatus.Completed)
                        && (db.Sponsorships.Any(s => s.GroupId == g.Id)
                            || g.Status == GroupStatus.Draft || g.Status == GroupStatus.Returned || g.Status == GroupStatus.Dissolved))
            .ToListAsync(cancellationToken);
        var ids = candidates.Select(g => g.Id).ToList();
        var sponsorships = (await db.Sponsorships.AsNoTracking().Where(s => ids.Contains(s.GroupId)).ToListAsync(cancellationToken))
            .ToLookup(s => s.GroupId);
        var memberCounts = await db.MentoringGroups.Where(g => ids.Contains(g.Id))
            .Select(g => new { g.Id, Count = g.Members.Count }).ToDictionaryAsync(x => x.Id, x => x.Count, cancellationToken);
        return candidates
            .Select(g => (Group: g, DueOn: Options.Periods.GroupDueOn(g, sponsorships[g.Id].ToList(), DayInGermany)))
            .Where(x => x.DueOn is { } due && due <= today)
            .Select(x => new DueGroup(x.Group.Id, x.Group.Name, x.DueOn!.Value, memberCounts.GetValueOrDefault(x.Group.Id)))
            .OrderBy(x => x.DueOn).ThenBy(x => x.Id)
            .ToList();
    }

    /// <summary>Accounts holding a staff role: never deleted by the erasure (staff act in office; invitations are the administrators' to withdraw).</summary>
    private async Task<HashSet<string>> StaffAccountIdsAsync()
    {
        var staff = new HashSet<string>();
        foreach (var role in new[] { Roles.CompetenceCentre, Roles.Municipality, Roles.Administrator })
            staff.UnionWith((await users.GetUsersInRoleAsync(role)).Select(u => u.Id));
        return staff;
    }

    /// <summary>The volunteer accounts of the groups' members and creators (staff keep theirs).</summary>
    private async Task<List<PortalUser>> MemberAccountsAsync(IReadOnlyCollection<int> groupIds, HashSet<string> staff, CancellationToken cancellationToken)
    {
        if (groupIds.Count == 0) return [];
        var emails = await db.MentoringGroups.Where(g => groupIds.Contains(g.Id)).SelectMany(g => g.Members.Select(m => m.Email))
            .Where(e => e != "").Distinct().ToListAsync(cancellationToken);
        var normalised = emails.Select(e => e.ToUpperInvariant()).ToList();
        var creators = await db.MentoringGroups.Where(g => groupIds.Contains(g.Id)).Select(g => g.CreatedByUserId).Distinct().ToListAsync(cancellationToken);
        var accounts = await users.Users.Where(u => creators.Contains(u.Id) || normalised.Contains(u.NormalizedEmail!)).ToListAsync(cancellationToken);
        return accounts.Where(a => !staff.Contains(a.Id)).ToList();
    }

    /// <summary>Of <paramref name="accounts"/>, those no group outside <paramref name="groupIds"/> with data left still refers to.</summary>
    private async Task<List<PortalUser>> NotNeededElsewhereAsync(List<PortalUser> accounts, IReadOnlyCollection<int> groupIds, CancellationToken cancellationToken)
    {
        if (accounts.Count == 0) return [];
        var ids = accounts.Select(a => a.Id).ToList();
        var emails = accounts.Select(a => Mentor.NormaliseEmail(a.Email ?? string.Empty)).ToList();
        var others = db.MentoringGroups.Where(g => !groupIds.Contains(g.Id) && g.MemberDataErasedOn == null);
        var neededCreators = await others.Where(g => ids.Contains(g.CreatedByUserId)).Select(g => g.CreatedByUserId).Distinct().ToListAsync(cancellationToken);
        var neededEmails = await others.SelectMany(g => g.Members.Select(m => m.Email)).Where(e => emails.Contains(e)).Distinct().ToListAsync(cancellationToken);
        return accounts.Where(a => !neededCreators.Contains(a.Id) && !neededEmails.Contains(Mentor.NormaliseEmail(a.Email ?? string.Empty))).ToList();
    }

    /// <summary>Self-registrations never confirmed; staff invitations (a staff role, no password yet) are the administrators' to withdraw.</summary>
    private async Task<List<PortalUser>> UnconfirmedAccountsAsync(DateTime nowUtc, HashSet<string> staff, CancellationToken cancellationToken)
    {
        var cutoff = nowUtc.AddDays(-Options.UnconfirmedRegistrationDays);
        var candidates = await users.Users
            .Where(u => !u.EmailConfirmed && u.CreatedAtUtc < cutoff && !db.MentoringGroups.Any(g => g.CreatedByUserId == u.Id))
            .ToListAsync(cancellationToken);
        return candidates.Where(a => !staff.Contains(a.Id)).ToList();
    }

    /// <summary>
    /// Confirmed volunteer accounts that no group with data left refers to (as creator or by a member's
    /// address), older than the members' period: what is left after their groups were erased, or of a
    /// registration that never joined a group.
    /// </summary>
    private async Task<List<PortalUser>> UnneededVolunteerAccountsAsync(DateTime nowUtc, HashSet<string> staff, CancellationToken cancellationToken)
    {
        var cutoff = nowUtc.AddMonths(-Options.MentorMonths);
        var candidates = await users.Users
            .Where(u => u.EmailConfirmed && u.CreatedAtUtc < cutoff
                        && !db.MentoringGroups.Any(g => g.MemberDataErasedOn == null
                                                        && (g.CreatedByUserId == u.Id || g.Members.Any(m => m.Email == u.NormalizedEmail!.ToLower()))))
            .ToListAsync(cancellationToken);
        return candidates.Where(a => !staff.Contains(a.Id)).ToList();
    }

    private IQueryable<Data.Operations.DataImportFile> ExpiredImportFiles(DateTime nowUtc)
    {
        var cutoff = nowUtc.AddDays(-Options.ImportFileDays);
        return db.DataImportFiles.Where(f => db.DataImports.Any(i => i.Id == f.DataImportId && i.StartedAtUtc < cutoff));
    }

    /// <summary>Imports past the files' period whose report still lists problems (their messages name persons).</summary>
    private async Task<List<Data.Operations.DataImport>> ImportReportsWithDetailsAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        var cutoff = nowUtc.AddDays(-Options.ImportFileDays);
        var old = await db.DataImports.Where(i => i.StartedAtUtc < cutoff && i.Report != null).ToListAsync(cancellationToken);
        return old.Where(i => Import.ImportReport.FromJson(i.Report) is { } r && (r.Errors.Count > 0 || r.Warnings.Count > 0)).ToList();
    }

    private IQueryable<Data.Operations.OutgoingMail> ExpiredMailBodies(DateTime nowUtc)
    {
        var cutoff = nowUtc.AddDays(-Options.SentMailDays);
        // Sent, or given up after the last attempt (never sent again): either way the text is no longer needed.
        return db.OutgoingMails.Where(m => m.HtmlBody != "" && m.CreatedAtUtc < cutoff
                                           && ((m.SentAtUtc != null && m.SentAtUtc < cutoff) || m.NextAttemptAtUtc == DateTime.MaxValue));
    }

    /// <summary>Messages in the portal, read or not, after Notifications:MessageRetentionDays: what they told is in the records by then.</summary>
    private IQueryable<Data.Notifications.PortalMessage> ExpiredMessages(DateTime nowUtc)
    {
        var cutoff = nowUtc.AddDays(-notifications.Value.MessageRetentionDays);
        return db.PortalMessages.Where(m => m.CreatedAtUtc < cutoff);
    }

    private IQueryable<Data.Operations.JobExecution> ExpiredJobRecords(DateTime nowUtc)
    {
        var cutoff = nowUtc.AddDays(-Options.JobHistoryDays);
        return db.JobExecutions.Where(j => j.StartedAtUtc < cutoff);
    }

    /// <summary>A failed deletion is logged and the run goes on; the next run finds the account again.</summary>
    /// <summary>
    /// Documents follow their record (ADR 0024): when a household's, a sponsorship's or a group's members' data goes,
    /// their documents' names and fingerprints go with the same save and their contents are deleted; the tombstone
    /// (category, size, dates) stays, like the record's own non-personal fields.
    /// </summary>
    private async Task EraseDocumentsAsync(DocumentOwnerKind owner, IReadOnlyCollection<int> ownerIds, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var documents = await db.Documents.Where(d => d.OwnerKind == owner && ownerIds.Contains(d.OwnerId) && d.ErasedAtUtc == null).ToListAsync(cancellationToken);
        // Within the batch's save: the contents go by id, without loading them (a deleted document's went with it).
        foreach (var document in documents.Where(d => d.IsAvailable))
            db.DocumentContents.Remove(db.DocumentContents.Attach(new DocumentContent(document.Id, [])).Entity);
        foreach (var document in documents) document.Erase(nowUtc);
        var requests = await db.DocumentRequests.Where(r => r.OwnerKind == owner && ownerIds.Contains(r.OwnerId)
                                                            && r.FulfilledAtUtc == null && r.WithdrawnAtUtc == null).ToListAsync(cancellationToken);
        foreach (var request in requests) request.Withdraw(nowUtc);
    }

    /// <summary>
    /// The bank data of erased households' sponsorships (ADR 0025): the statements' files and the entries' counterparties go,
    /// amounts, dates, keys, matches and waivers stay. Found by what is left rather than by this run's households, so a run
    /// that stopped midway, and households erased before bank data followed them, are caught up. One account's entries
    /// (small rows) in one save; its statements a few at a time, since each holds its file.
    /// </summary>
    private async Task EraseBankDataAsync(CancellationToken cancellationToken)
    {
        var accounts = await db.Sponsorships
            .Where(s => s.Status == SponsorshipStatus.Completed && db.Households.Any(h => h.Id == s.HouseholdId && h.ErasedOn != null)
                        && (db.BankStatements.Any(b => b.SponsorshipId == s.Id && (b.FileName != BankStatement.ErasedFileName || b.Content != NoContent))
                            || db.BankEntries.Any(e => e.SponsorshipId == s.Id
                                                       && (e.CounterpartyName != "" || e.CounterpartyIban != null || e.Reference != ""
                                                           || (e.EndToEndId != null && !e.EndToEndId.StartsWith(BankEntry.ErasedEndToEndPrefix))))))
            .OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(cancellationToken);
        foreach (var account in accounts)
        {
            // All of the account's entries at once, in id order: the reversal pairing that the erasure keeps needs them all.
            BankEntry.EraseIdentifyingData(await db.BankEntries.Where(e => e.SponsorshipId == account).OrderBy(e => e.Id).ToListAsync(cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();

            var statements = await db.BankStatements
                .Where(b => b.SponsorshipId == account && (b.FileName != BankStatement.ErasedFileName || b.Content != NoContent))
                .OrderBy(b => b.Id).Select(b => b.Id).ToListAsync(cancellationToken);
            foreach (var batch in statements.Chunk(StatementBatchSize))
            {
                foreach (var statement in await db.BankStatements.Where(b => batch.Contains(b.Id)).ToListAsync(cancellationToken))
                    statement.EraseIdentifyingData();
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task DeleteAccountAsync(PortalUser account)
    {
        var result = await users.DeleteAsync(account);
        if (!result.Succeeded)
            logger.LogError("Erasure: deleting account {UserId} failed: {Errors}", account.Id, string.Join("; ", result.Errors.Select(e => e.Code)));
    }

    /// <summary>
    /// SQLite keeps the pages an erasure replaced in its write-ahead log until a checkpoint; secure_delete
    /// (set on every connection) zeroes the freed space in the database file itself.
    /// </summary>
    private async Task ClearWriteAheadLogAsync(CancellationToken cancellationToken)
    {
        if (db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true)
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
    }

    private static DateOnly DayInGermany(DateTime utc) => DateOnly.FromDateTime(Clock.InGermany(utc));
}

/// <summary>What is due for erasure on a day (the dry run), or what an erasure did.</summary>
public sealed record ErasurePlan(
    DateOnly Today,
    IReadOnlyList<DueHousehold> Households,
    IReadOnlyList<DueGroup> Groups,
    int MemberAccounts,
    int UnconfirmedAccounts,
    int ImportFiles,
    int MailBodies,
    int JobRecords,
    int Messages = 0)
{
    public bool IsEmpty => Households.Count == 0 && Groups.Count == 0 && MemberAccounts == 0 && UnconfirmedAccounts == 0
                           && ImportFiles == 0 && MailBodies == 0 && JobRecords == 0 && Messages == 0;
}

/// <summary>A household due for erasure, named by its case reference (never by a person's name).</summary>
public sealed record DueHousehold(int Id, string Reference, DateOnly DueOn);

public sealed record DueGroup(int Id, string Name, DateOnly DueOn, int Members);
