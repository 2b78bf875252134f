using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using NestPortal.Domain.Documents;
using NestPortal.Domain.Banking;
using NestPortal.Domain.Households;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Outreach;
using NestPortal.Domain.Programme;
using NestPortal.Domain.Sponsorships;

namespace NestPortal.Data.Auditing;

/// <summary>
/// Turns what the change tracker is about to save into audit entries. Collected before the save
/// (old values are still known) and completed after it (generated ids are known by then).
/// </summary>
internal static class AuditTrail
{
    /// <summary>The records whose every change is audited; owned parts (a sponsorship's flat) count as their owner.</summary>
    private static readonly HashSet<Type> Audited =
        [
            typeof(MentoringGroup), typeof(Mentor), typeof(Household), typeof(Refugee), typeof(Allocation), typeof(Sponsorship),
            typeof(EscrowEntry), typeof(RentChange), typeof(ProgrammeRuleSet), typeof(OutreachEvent), typeof(OutreachMunicipality),
            typeof(Municipality), typeof(Document), typeof(DocumentRequest), typeof(BankStatement), typeof(BankMatch), typeof(BankWaiver),
        ];

    /// <summary>
    /// Reference data created by the register seeding: its creation is not news (396 entries on every
    /// first start), only later changes are (a Sicherer-Hafen decision, a renamed municipality).
    /// </summary>
    private static readonly HashSet<Type> ReferenceData = [typeof(Municipality)];

    /// <summary>
    /// Records written once and never changed: the log itself, the escrow ledger (money rules) and the bank's records,
    /// whose only change is the retention erasure of the fields in <see cref="Erasable"/>.
    /// </summary>
    private static readonly HashSet<Type> Immutable =
        [typeof(AuditEntry), typeof(EscrowEntry), typeof(RentChange), typeof(BankStatement), typeof(BankEntry), typeof(BankMatch), typeof(BankWaiver)];

    /// <summary>
    /// The only fields of immutable records that may change: what the retention erasure blanks (ADR 0025). A statement's
    /// file and an entry's counterparty name people (the landlord, the group's members); the figures (amounts, dates,
    /// keys, balances) and the matches and waivers never change, so what was reconciled stays what it was. A change of
    /// any other field, or a deletion, is refused as before.
    /// </summary>
    private static readonly Dictionary<Type, HashSet<string>> Erasable = new()
    {
        [typeof(BankStatement)] = [nameof(BankStatement.Content), nameof(BankStatement.FileName)],
        [typeof(BankEntry)] = [nameof(BankEntry.CounterpartyName), nameof(BankEntry.CounterpartyIban), nameof(BankEntry.Reference), nameof(BankEntry.EndToEndId)],
    };

    /// <summary>
    /// Records that are a person (a refugee, a member): the log keeps which of their fields changed,
    /// never the values (ADR 0014). The log outlives the record's erasure and is read by administrators,
    /// who may not see refugees' data; what a record holds now is on the record itself.
    /// </summary>
    private static readonly HashSet<Type> Persons = [typeof(Refugee), typeof(Mentor)];

    /// <summary>
    /// Fields of other records whose content is personal or confidential: their values are not copied
    /// either (a family's name and flat, a group's plan and review remarks, which may name members, the
    /// rent account's holder and IBAN, who continued the support).
    /// </summary>
    private static readonly HashSet<string> Confidential =
    [
        nameof(Household.SpecialNeedsNote), nameof(Household.PrincipalName), nameof(Apartment) + "." + nameof(Apartment.Street),
        nameof(MentoringGroup.SupportPlan), nameof(MentoringGroup.ReviewRemarks),
        nameof(EscrowAccount) + "." + nameof(EscrowAccount.AccountHolder), nameof(EscrowAccount) + "." + nameof(EscrowAccount.Iban),
        nameof(Sponsorship.ContinuedSupportBy),
        // A document's name may name a person ("Schulung Erika Muster.pdf"); a clerk's request and reason may too.
        nameof(Document.FileName), nameof(Document.DeletionReason), nameof(DocumentRequest.Explanation),
        // A statement's file and name (both blanked by the retention erasure). Its entries' counterparties are not
        // audited at all (BankEntry is no audited record), so their values never reach the log.
        nameof(BankStatement.Content), nameof(BankStatement.FileName), nameof(BankStatement.Iban),
        // The landlord may be a person; the reference the landlord asked for often names the tenants.
        nameof(LandlordPayee) + "." + nameof(LandlordPayee.Iban), nameof(LandlordPayee) + "." + nameof(LandlordPayee.Name),
        nameof(LandlordPayee) + "." + nameof(LandlordPayee.Reference),
    ];

    /// <summary>Bookkeeping columns that change with every command or that the database derives, and say nothing on their own.</summary>
    private static readonly HashSet<string> Ignored = ["ConcurrencyStamp", ImportStaging.Column, EscrowListOrder.Column];

    private const string Withheld = "(vertraulich)";

    /// <summary>Whether saving a record of this type must write an audit entry (then it may only be saved through the change tracker).</summary>
    internal static bool IsAudited(Type type) => Audited.Contains(type);

    /// <summary>The audited record types by the name the log stores (what a filter of the log offers).</summary>
    internal static IEnumerable<string> AuditedTypeNames => Audited.Select(t => t.Name);

    internal sealed record Pending(EntityEntry Entry, AuditAction Action, List<FieldChange> Changes);

    public static List<Pending> Collect(ChangeTracker tracker)
    {
        tracker.DetectChanges();
        var pending = new List<Pending>();
        // The pending entries by record type and key, so an owned part finds its owner's entry in one
        // look-up (a scan of all pending changes per owned part made a large save quadratic).
        var pendingByKey = new Dictionary<(Type Type, object? Key), Pending>();
        // Only added, changed and deleted entries matter; unchanged ones are skipped before anything else.
        var changed = tracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        // Owners first, so an owned part's change can join its owner's entry.
        foreach (var entry in changed.Where(e => !e.Metadata.IsOwned()).Concat(changed.Where(e => e.Metadata.IsOwned())))
        {
            if (Immutable.Contains(entry.Metadata.ClrType) && entry.State is EntityState.Modified or EntityState.Deleted && !IsErasure(entry))
                throw new InvalidOperationException($"{entry.Metadata.ClrType.Name} records are immutable: they cannot be changed or deleted.");
            var owner = OwnerType(entry);
            if (owner is null) continue;
            // The register's own rows are not news; a part staff add to one later (an administration's address) is.
            if (entry.State == EntityState.Added && !entry.Metadata.IsOwned() && ReferenceData.Contains(owner)) continue;

            var prefix = entry.Metadata.IsOwned() ? entry.Metadata.ClrType.Name + "." : string.Empty;
            var changes = entry.State switch
            {
                EntityState.Added => entry.Properties.Where(p => !p.Metadata.IsPrimaryKey() && p.CurrentValue is not null && !Ignored.Contains(p.Metadata.Name))
                    .Select(p => new FieldChange(prefix + p.Metadata.Name, null, Show(owner, prefix + p.Metadata.Name, p.CurrentValue))).ToList(),
                EntityState.Modified => entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue) && !Ignored.Contains(p.Metadata.Name))
                    .Select(p => new FieldChange(prefix + p.Metadata.Name, Show(owner, prefix + p.Metadata.Name, p.OriginalValue), Show(owner, prefix + p.Metadata.Name, p.CurrentValue))).ToList(),
                // An owned part removed from a record that stays is a change of that record (an address emptied): old values, as for a change.
                EntityState.Deleted when entry.Metadata.IsOwned() => entry.Properties
                    .Where(p => !p.Metadata.IsPrimaryKey() && p.OriginalValue is not null && !Ignored.Contains(p.Metadata.Name))
                    .Select(p => new FieldChange(prefix + p.Metadata.Name, Show(owner, prefix + p.Metadata.Name, p.OriginalValue), null)).ToList(),
                // A deletion keeps no copy of the deleted data: removing it is the point.
                _ => [],
            };
            if (entry.State == EntityState.Modified && changes.Count == 0) continue;
            // The owned part's change is the owner's: when the owner is also saved, merge into its entry.
            if (entry.Metadata.IsOwned())
            {
                if (pendingByKey.TryGetValue((owner, PrimaryKey(entry)), out var ownerEntry))
                {
                    // A record deleted with its parts keeps no copy of them.
                    if (ownerEntry.Action != AuditAction.Deleted) ownerEntry.Changes.AddRange(changes);
                    continue;
                }

                if (entry.State == EntityState.Deleted && changes.Count == 0) continue;
            }

            // An owned part saved without its owner changes a record that exists: the owner's change.
            var added = new Pending(entry, entry.State switch
            {
                _ when entry.Metadata.IsOwned() => AuditAction.Changed,
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Changed,
            }, changes);
            pending.Add(added);
            // The first pending entry of a type and key is the one an owned part joins (as the scan found it).
            pendingByKey.TryAdd((entry.Entity.GetType(), PrimaryKey(entry)), added);
        }

        return pending;
    }

    /// <summary>A change of an immutable record that only touches its <see cref="Erasable"/> fields.</summary>
    private static bool IsErasure(EntityEntry entry) =>
        entry.State == EntityState.Modified && Erasable.TryGetValue(entry.Metadata.ClrType, out var fields)
                                            && entry.Properties.Where(p => p.IsModified).All(p => fields.Contains(p.Metadata.Name));

    /// <summary>After the save: every pending change becomes an entry carrying the record's (now known) id.</summary>
    /// <remarks>
    /// A created record's own fields are read again: foreign keys to a parent saved in the same call
    /// (a household's persons) held temporary values before the save.
    /// </remarks>
    public static IEnumerable<AuditEntry> Complete(IEnumerable<Pending> pending, AuditActorInfo actor, DateTime nowUtc) =>
        pending.Select(p =>
        {
            var changes = p.Action == AuditAction.Created
                ? p.Changes.Select(c => c.Field.Contains('.') ? c : c with { New = Show(OwnerType(p.Entry)!, c.Field, p.Entry.Property(c.Field).CurrentValue) }).ToList()
                : p.Changes;
            return new AuditEntry(nowUtc, actor, p.Action, OwnerType(p.Entry)!.Name, KeyOf(p.Entry),
                changes.Count == 0 ? null : JsonSerializer.Serialize(changes), ParentOf(p.Entry));
        });

    /// <summary>
    /// The aggregate root a part belongs to: the audited principal it is deleted with (a person's
    /// household, a member's group, an allocation's household). Separate aggregates have none.
    /// </summary>
    private static (string Type, string Id)? ParentOf(EntityEntry entry)
    {
        var link = entry.Metadata.GetForeignKeys().FirstOrDefault(fk =>
            !fk.IsOwnership && fk.DeleteBehavior == DeleteBehavior.Cascade && Audited.Contains(fk.PrincipalEntityType.ClrType));
        if (link is null) return null;
        var id = entry.Property(link.Properties[0].Name).CurrentValue;
        return (link.PrincipalEntityType.ClrType.Name, Convert.ToString(id, CultureInfo.InvariantCulture) ?? string.Empty);
    }

    /// <summary>A person's link to its aggregate (a refugee's household, a member's group), which is no personal value.</summary>
    private static bool IsReference(string field) => field is "HouseholdId" or "GroupId";

    private static Type? OwnerType(EntityEntry entry)
    {
        var type = entry.Metadata;
        while (type.IsOwned()) type = type.FindOwnership()!.PrincipalEntityType;
        return Audited.Contains(type.ClrType) ? type.ClrType : null;
    }

    /// <summary>The value of the record's first key property: an owned part shares its owner's.</summary>
    private static object? PrimaryKey(EntityEntry entry) =>
        entry.Properties.First(p => p.Metadata.IsPrimaryKey()).CurrentValue;

    private static string KeyOf(EntityEntry entry) =>
        Convert.ToString(entry.Properties.First(p => p.Metadata.IsPrimaryKey()).CurrentValue, CultureInfo.InvariantCulture) ?? string.Empty;

    private static string? Show(Type owner, string field, object? value) =>
        value is null ? null
        : Confidential.Contains(field) || (Persons.Contains(owner) && !IsReference(field)) ? Withheld
        : value switch
        {
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
}
