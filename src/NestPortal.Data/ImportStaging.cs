using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using NestPortal.Data.Auditing;
using NestPortal.Data.Operations;
using NestPortal.Domain.Households;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Outreach;
using NestPortal.Domain.Sponsorships;

namespace NestPortal.Data;

/// <summary>
/// How an import commits without holding the writer (ADR 0022): its records are written in short
/// transactions (slices) with <see cref="Column"/> set to the import's id, which a query filter hides from
/// every query; one short transaction at the end clears the column on every table (the switch), and a
/// failure deletes the rows still marked (the discard). Only new records are staged: an import that changes
/// records saved before commits in one transaction as before (ADR 0009).
/// </summary>
public static class ImportStaging
{
    public const string Column = "PendingImportId";

    /// <summary>
    /// Every record type an import creates, children before their parents (the order the discard deletes in).
    /// Municipalities are not here: a Sicherer-Hafen decision changes an existing row, applied at the switch.
    /// </summary>
    public static IReadOnlyList<Type> StagedTypes { get; } =
    [
        typeof(AuditEntry), typeof(EscrowEntry), typeof(RentChange), typeof(Allocation), typeof(Refugee), typeof(Sponsorship),
        typeof(OutreachMunicipality), typeof(OutreachEvent), typeof(Mentor), typeof(GroupHistoryEntry), typeof(Household), typeof(MentoringGroup),
    ];

    public static bool IsStaged(Type type) => StagedTypes.Contains(type);

    /// <summary>The column and the filter "not staged" on every staged type: a staged row is in no query of the portal.</summary>
    internal static void Map(ModelBuilder builder)
    {
        foreach (var type in StagedTypes)
        {
            var entity = builder.Entity(type);
            entity.Property<int?>(Column);
            var record = Expression.Parameter(type, "record");
            var column = Expression.Call(typeof(EF), nameof(EF.Property), [typeof(int?)], record, Expression.Constant(Column));
            entity.HasQueryFilter(Expression.Lambda(Expression.Equal(column, Expression.Constant(null, typeof(int?))), record));
        }
    }

    /// <summary>
    /// The switch: every row the import staged becomes visible, with the Sicherer-Hafen decisions and the
    /// import's row in the caller's transaction. One UPDATE per table; the import's rows only.
    /// </summary>
    public static async Task<int> SwitchAsync(NestPortalDbContext db, int importId, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var table in Tables(db))
            changed += await ExecuteAsync(db, "UPDATE " + table + " SET " + Quote(db, Column) + " = NULL WHERE " + Quote(db, Column) + " = {0}", importId, cancellationToken);
        return changed;
    }

    /// <summary>
    /// The discard after a failure or a crash: deletes what the import staged, a table at a time (children
    /// first; nothing staged is visible, so no one sees it half-deleted), then its imported-record references.
    /// The ledger's and the log's append-only triggers let staged rows go (migration ImportStaging).
    /// </summary>
    public static async Task DiscardAsync(NestPortalDbContext db, int importId, CancellationToken cancellationToken)
    {
        foreach (var table in Tables(db))
            await ExecuteAsync(db, "DELETE FROM " + table + " WHERE " + Quote(db, Column) + " = {0}", importId, cancellationToken);
        var references = db.Model.FindEntityType(typeof(ImportedRecord))!;
        var importColumn = references.FindProperty(nameof(ImportedRecord.DataImportId))!.GetColumnName();
        await ExecuteAsync(db, "DELETE FROM " + Quote(db, references.GetTableName()!) + " WHERE " + Quote(db, importColumn) + " = {0}", importId, cancellationToken);
    }

    /// <summary>The statements name only tables and columns of the EF model, delimited; the import's id is a parameter.</summary>
    private static Task<int> ExecuteAsync(NestPortalDbContext db, string sql, int importId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(sql, [importId], cancellationToken);

    private static IEnumerable<string> Tables(NestPortalDbContext db) =>
        StagedTypes.Select(t => Quote(db, db.Model.FindEntityType(t)!.GetTableName()!));

    private static string Quote(NestPortalDbContext db, string name) => db.GetService<ISqlGenerationHelper>().DelimitIdentifier(name);
}
