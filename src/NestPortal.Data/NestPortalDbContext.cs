using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using NestPortal.Data.Auditing;
using NestPortal.Data.Operations;
using NestPortal.Data.Configurations;
using NestPortal.Data.Identity;
using NestPortal.Domain.Documents;
using NestPortal.Domain.Banking;
using NestPortal.Domain.Households;
using NestPortal.Domain.Letters;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Outreach;
using NestPortal.Domain.Programme;
using NestPortal.Domain.Sponsorships;

namespace NestPortal.Data;

/// <summary>
/// The one unit of work of the portal: domain aggregates, Identity and data-protection keys. Every
/// save of an audited record writes its audit entries in the same transaction.
/// </summary>
public sealed class NestPortalDbContext(
    DbContextOptions<NestPortalDbContext> options, IAuditActor? auditActor = null, TimeProvider? time = null)
    : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<ProgrammeRuleSet> RuleSets => Set<ProgrammeRuleSet>();
    public DbSet<MentoringGroup> MentoringGroups => Set<MentoringGroup>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<Refugee> Refugees => Set<Refugee>();
    public DbSet<Allocation> Allocations => Set<Allocation>();
    public DbSet<Letter> Letters => Set<Letter>();
    public DbSet<Sponsorship> Sponsorships => Set<Sponsorship>();
    public DbSet<EscrowEntry> EscrowEntries => Set<EscrowEntry>();
    public DbSet<RentChange> RentChanges => Set<RentChange>();
    public DbSet<RentRun> RentRuns => Set<RentRun>();
    public DbSet<BankStatement> BankStatements => Set<BankStatement>();
    public DbSet<BankEntry> BankEntries => Set<BankEntry>();
    public DbSet<BankMatch> BankMatches => Set<BankMatch>();
    public DbSet<BankWaiver> BankWaivers => Set<BankWaiver>();
    public DbSet<OutgoingMail> OutgoingMails => Set<OutgoingMail>();
    public DbSet<Notifications.PortalMessage> PortalMessages => Set<Notifications.PortalMessage>();
    public DbSet<JobExecution> JobExecutions => Set<JobExecution>();
    public DbSet<OutreachEvent> OutreachEvents => Set<OutreachEvent>();
    public DbSet<OutreachMunicipality> OutreachMunicipalities => Set<OutreachMunicipality>();
    public DbSet<DataImport> DataImports => Set<DataImport>();
    public DbSet<DataImportFile> DataImportFiles => Set<DataImportFile>();
    public DbSet<ImportedRecord> ImportedRecords => Set<ImportedRecord>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentContent> DocumentContents => Set<DocumentContent>();
    public DbSet<DocumentRequest> DocumentRequests => Set<DocumentRequest>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DatabaseHeartbeat> DatabaseHeartbeats => Set<DatabaseHeartbeat>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    private AuditActorInfo Actor => auditActor?.Current ?? AuditActorInfo.System;
    private DateTime UtcNow => (time ?? TimeProvider.System).GetUtcNow().UtcDateTime;

    /// <summary>
    /// Logs that the current user looked at a record (a municipality or mentor opening a person's
    /// data); written with the next save.
    /// </summary>
    public void RecordView(string entityType, int entityId) =>
        AuditEntries.Add(new AuditEntry(UtcNow, Actor, AuditAction.Viewed, entityType, entityId.ToString(System.Globalization.CultureInfo.InvariantCulture), null));

    /// <summary>The audit log's own entity type: a search of the log is itself logged, with its filters.</summary>
    public const string AuditLogEntityType = "AuditLog";

    /// <summary>
    /// Portal accounts as the log names them. Their administration is logged by the pages that do it
    /// (<see cref="RecordAccountChange"/>), not by the change tracker: Identity saves stamps, hashes and
    /// sign-in counters with every change, and roles live in a table of their own (ADR 0020).
    /// </summary>
    public const string AccountEntityType = nameof(PortalUser);

    /// <summary>
    /// Every record type the log holds entries of, as it names them: the audited records and the log's own
    /// searches. Read from the audit trail itself, so a newly audited type cannot be missing from a filter.
    /// </summary>
    public static IReadOnlyList<string> AuditedEntityTypes { get; } = [.. AuditTrail.AuditedTypeNames, AccountEntityType, AuditLogEntityType, MailEntityType];

    /// <summary>
    /// Outbox mails as the log names them. Only an administrator's "send again" is logged (the sender's
    /// own attempts are in the row), and never the mail's body: it may hold a password link.
    /// </summary>
    public const string MailEntityType = nameof(OutgoingMail);

    /// <summary>Logs that an administrator sent a failed mail again; written with the next save.</summary>
    public void RecordMailSentAgain(int mailId, int attemptsBefore) =>
        AuditEntries.Add(new AuditEntry(UtcNow, Actor, AuditAction.Changed, MailEntityType, mailId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            System.Text.Json.JsonSerializer.Serialize(new[] { new FieldChange(nameof(OutgoingMail.Attempts), attemptsBefore.ToString(System.Globalization.CultureInfo.InvariantCulture), "0") })));

    /// <summary>Whether saving a record of this type writes an audit entry.</summary>
    public static bool IsAudited(Type type) => AuditTrail.IsAudited(type);

    /// <summary>Logs a search of the audit log (who looked for what, when); written with the next save.</summary>
    public void RecordLogSearch(IEnumerable<FieldChange> filters) =>
        AuditEntries.Add(new AuditEntry(UtcNow, Actor, AuditAction.Viewed, AuditLogEntityType, "search",
            filters.ToList() is { Count: > 0 } used ? System.Text.Json.JsonSerializer.Serialize(used) : null));

    /// <summary>
    /// Logs an administrator's step on an account (deactivated, role changed, second factor reset, …) with
    /// the fields it changed; written with the next save, so with the step's own transaction. The caller
    /// names the fields: never a password hash, a security stamp or a key.
    /// </summary>
    public void RecordAccountChange(string userId, AuditAction action, IReadOnlyCollection<FieldChange> changes) =>
        AuditEntries.Add(new AuditEntry(UtcNow, Actor, action, AccountEntityType, userId,
            changes.Count == 0 ? null : System.Text.Json.JsonSerializer.Serialize(changes)));

    /// <summary>
    /// For bulk saves (the import's commit): the audit entries are inserted with multi-row statements on
    /// the same connection and transaction instead of through the change tracker; the same rows, never
    /// tracked. Off by default: a page's save stays one ordinary unit of work.
    /// </summary>
    public bool WritesAuditEntriesDirectly { get; set; }

    /// <summary>
    /// For bulk saves (the rent run): on SQLite, up to 25 inserts and updates go in one
    /// command instead of one command each (<see cref="SqliteBatchingCommandBatchFactory"/>, ADR 0034). The
    /// same statements in the same transaction. Off by default: a page's save is a few rows.
    /// </summary>
    public bool BatchesWrites { get; set; }

    /// <summary>
    /// For bulk saves (the rent run), on SQLite: the ledger's new entries (insert-only) go in with multi-row
    /// <c>INSERT … VALUES … RETURNING</c> statements before the rest of the save, in its transaction, their
    /// generated ids read back for their audit entries (<see cref="DirectInsert.InsertAddedAsync"/>, ADR 0034).
    /// SQL Server's provider batches them itself. A failed save leaves the context to be cleared, as any failed save.
    /// </summary>
    public bool InsertsLedgerEntriesDirectly { get; set; }

    /// <summary>
    /// For an import's commit in slices (ADR 0022): every record this context adds, and its audit entries,
    /// are saved staged for this import (<see cref="ImportStaging"/>), hidden until the import's switch.
    /// </summary>
    public int? StagingImportId { get; set; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <remarks>
    /// The records are saved first (so generated ids are known), then their audit entries, both in
    /// one transaction: a change without its audit entry is never committed (ADR 0006).
    /// </remarks>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (StagingImportId is { } staging) Stage(staging);
        var pending = AuditTrail.Collect(ChangeTracker);
        if (pending.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var saved = await InsertLedgerEntriesAsync(cancellationToken);
            saved += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            var entries = AuditTrail.Complete(pending, Actor, UtcNow);
            if (StagingImportId is { } stagedFor) entries = entries.Select(e => { e.StageFor(stagedFor); return e; });
            if (WritesAuditEntriesDirectly)
            {
                saved += await DirectInsert.InsertAsync(this, entries, cancellationToken);
            }
            else
            {
                AuditEntries.AddRange(entries);
                saved += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }

            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return saved;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    /// <summary>The ledger's added entries by direct insert when <see cref="InsertsLedgerEntriesDirectly"/> is set on SQLite; returns how many.</summary>
    private async Task<int> InsertLedgerEntriesAsync(CancellationToken cancellationToken)
    {
        if (!InsertsLedgerEntriesDirectly || !Database.IsSqlite()) return 0;
        // A correction points at the entry it reverses, possibly one added in the same save: left to SaveChanges, which orders them.
        var added = ChangeTracker.Entries<EscrowEntry>()
            .Where(e => e.State == EntityState.Added && e.Entity.CorrectedEntry is null && !e.Property(p => p.SponsorshipId).IsTemporary)
            .Select(e => (EntityEntry)e).ToList();
        await DirectInsert.InsertAddedAsync(this, Model.FindEntityType(typeof(EscrowEntry))!, added, cancellationToken);
        return added.Count;
    }

    /// <summary>Marks every record added since the last save as staged for the import (the audit trail ignores the column).</summary>
    private void Stage(int importId)
    {
        ChangeTracker.DetectChanges();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Added && ImportStaging.IsStaged(entry.Metadata.ClrType))
                entry.Property(ImportStaging.Column).CurrentValue = importId;
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(NestPortalDbContext).Assembly);
        ImportStaging.Map(builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Ags>().HaveConversion<AgsConverter>().HaveMaxLength(8).AreUnicode(false);
    }
}
