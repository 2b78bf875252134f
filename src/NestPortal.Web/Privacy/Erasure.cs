using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NestPortal.Data;
using NestPortal.Data.Identity;
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
    NestPortalDbContext db, UserManager<PortalUser> users, TimeProvider time, IOptions<RetentionOptions> options, ILogger<Erasure> logger)
{
    private const int BatchSize = 100;

    private RetentionOptions Options => options.Value;

    /// <summary>What an erasure on <paramref name="today"/> would do; changes nothing.</summary>
    public async Task<ErasurePlan> PlanAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var nowUtc = time.UtcNow();
        var households = await DueHouseholdsAsync(today, cancellationToken);
        var groups = await DueGroupsAsync(today, cancellationToken);
        var memberAccounts = await MemberAccountsToDeleteAsync(groups.Select(g => g.Id).ToList(), cancellationToken);
        var unconfirmed = (await UnconfirmedAccountsAsync(nowUtc, cancellationToken)).Count;
        var importFiles = await ExpiredImportFiles(nowUtc).CountAsync(cancellationToken) + (await ImportReportsWithDetailsAsync(nowUtc, cancellationToken)).Count;
        var mailBodies = await ExpiredMailBodies(nowUtc).CountAsync(cancellationToken);
        var jobRecords = await ExpiredJobRecords(nowUtc).CountAsync(cancellationToken);
        return new ErasurePlan(today, households, groups, memberAccounts.Count, unconfirmed, importFiles, mailBodies, jobRecords);
    }

    /// <summary>Erases everything due on <paramref name="today"/> and returns what it did.</summary>
    public async Task<ErasurePlan> RunAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var plan = await PlanAsync(today, cancellationToken);
        var nowUtc = time.UtcNow();

        foreach (var batch in plan.Households.Select(h => h.Id).Chunk(BatchSize))
        {
            // The whole aggregate: a household recomputes its derived columns (allocated municipality, status) on every change.
            var households = await db.Households.Include(h => h.Persons).Include(h => h.Allocations).AsSplitQuery()
                .Where(h => batch.Contains(h.Id)).ToListAsync(cancellationToken);
            foreach (var household in households) household.EraseIdentifyingData(today);
            var sponsorships = await db.Sponsorships.Where(s => batch.Contains(s.HouseholdId)).ToListAsync(cancellationToken);
            foreach (var sponsorship in sponsorships) sponsorship.EraseIdentifyingData();
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        // The accounts are found before the groups lose their members' addresses, and deleted after.
        var groupIds = plan.Groups.Select(g => g.Id).ToList();
        var memberAccounts = await MemberAccountsToDeleteAsync(groupIds, cancellationToken);
        var memberAccountIds = (await MemberAccountIdsAsync(groupIds, cancellationToken)).ToHashSet();
        foreach (var batch in groupIds.Chunk(BatchSize))
        {
            var groups = await db.MentoringGroups.Include(g => g.Members).Include(g => g.History).AsSplitQuery()
                .Where(g => batch.Contains(g.Id)).ToListAsync(cancellationToken);
            foreach (var group in groups) group.EraseMemberData(today, memberAccountIds);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        // Also volunteer accounts left over by an earlier run that stopped midway: found by what they lack.
        var accounts = memberAccounts.Concat(await UnconfirmedAccountsAsync(nowUtc, cancellationToken))
            .Concat(await UnneededVolunteerAccountsAsync(nowUtc, cancellationToken)).DistinctBy(a => a.Id).ToList();
        foreach (var account in accounts) await DeleteAccountAsync(account);

        foreach (var mail in await ExpiredMailBodies(nowUtc).ToListAsync(cancellationToken)) mail.ForgetBody();
        await db.SaveChangesAsync(cancellationToken);
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

        await ClearWriteAheadLogAsync(cancellationToken);
        return plan;
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

    /// <summary>The portal accounts of the groups' members and creators (volunteer accounts only; staff keep theirs).</summary>
    private async Task<List<string>> MemberAccountIdsAsync(IReadOnlyCollection<int> groupIds, CancellationToken cancellationToken)
    {
        if (groupIds.Count == 0) return [];
        var emails = await db.MentoringGroups.Where(g => groupIds.Contains(g.Id)).SelectMany(g => g.Members.Select(m => m.Email))
            .Where(e => e != "").Distinct().ToListAsync(cancellationToken);
        var normalised = emails.Select(e => e.ToUpperInvariant()).ToList();
        var creators = await db.MentoringGroups.Where(g => groupIds.Contains(g.Id)).Select(g => g.CreatedByUserId).Distinct().ToListAsync(cancellationToken);
        var accounts = await users.Users.Where(u => creators.Contains(u.Id) || normalised.Contains(u.NormalizedEmail!)).ToListAsync(cancellationToken);
        var volunteers = new List<string>();
        foreach (var account in accounts)
            if ((await users.GetRolesAsync(account)).All(r => r == Roles.Mentor)) volunteers.Add(account.Id);
        return volunteers;
    }

    /// <summary>Volunteer accounts that no group outside <paramref name="groupIds"/> still needs.</summary>
    private async Task<List<PortalUser>> MemberAccountsToDeleteAsync(IReadOnlyCollection<int> groupIds, CancellationToken cancellationToken)
    {
        var result = new List<PortalUser>();
        foreach (var id in await MemberAccountIdsAsync(groupIds, cancellationToken))
        {
            var account = await users.FindByIdAsync(id);
            if (account is null) continue;
            var email = account.Email is null ? "" : Mentor.NormaliseEmail(account.Email);
            var stillNeeded = await db.MentoringGroups.AnyAsync(g => !groupIds.Contains(g.Id) && g.MemberDataErasedOn == null
                && (g.CreatedByUserId == id || g.Members.Any(m => m.Email == email)), cancellationToken);
            if (!stillNeeded) result.Add(account);
        }

        return result;
    }

    /// <summary>Self-registrations never confirmed; staff invitations (a staff role, no password yet) are the administrators' to withdraw.</summary>
    private async Task<List<PortalUser>> UnconfirmedAccountsAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        var cutoff = nowUtc.AddDays(-Options.UnconfirmedRegistrationDays);
        var candidates = await users.Users
            .Where(u => !u.EmailConfirmed && u.CreatedAtUtc < cutoff && !db.MentoringGroups.Any(g => g.CreatedByUserId == u.Id))
            .ToListAsync(cancellationToken);
        return await VolunteersOnlyAsync(candidates);
    }

    /// <summary>
    /// Confirmed volunteer accounts that no group with data left refers to (as creator or by a member's
    /// address), older than the members' period: what is left after their groups were erased, or of a
    /// registration that never joined a group.
    /// </summary>
    private async Task<List<PortalUser>> UnneededVolunteerAccountsAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        var cutoff = nowUtc.AddMonths(-Options.MentorMonths);
        var candidates = await users.Users
            .Where(u => u.EmailConfirmed && u.CreatedAtUtc < cutoff
                        && !db.MentoringGroups.Any(g => g.MemberDataErasedOn == null
                                                        && (g.CreatedByUserId == u.Id || g.Members.Any(m => m.Email == u.NormalizedEmail!.ToLower()))))
            .ToListAsync(cancellationToken);
        return await VolunteersOnlyAsync(candidates);
    }

    private async Task<List<PortalUser>> VolunteersOnlyAsync(IEnumerable<PortalUser> candidates)
    {
        var volunteers = new List<PortalUser>();
        foreach (var account in candidates)
            if ((await users.GetRolesAsync(account)).All(r => r == Roles.Mentor)) volunteers.Add(account);
        return volunteers;
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

    private IQueryable<Data.Operations.JobExecution> ExpiredJobRecords(DateTime nowUtc)
    {
        var cutoff = nowUtc.AddDays(-Options.JobHistoryDays);
        return db.JobExecutions.Where(j => j.StartedAtUtc < cutoff);
    }

    /// <summary>A failed deletion is logged and the run goes on; the next run finds the account again.</summary>
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
    int JobRecords)
{
    public bool IsEmpty => Households.Count == 0 && Groups.Count == 0 && MemberAccounts == 0 && UnconfirmedAccounts == 0
                           && ImportFiles == 0 && MailBodies == 0 && JobRecords == 0;
}

/// <summary>A household due for erasure, named by its case reference (never by a person's name).</summary>
public sealed record DueHousehold(int Id, string Reference, DateOnly DueOn);

public sealed record DueGroup(int Id, string Name, DateOnly DueOn, int Members);
