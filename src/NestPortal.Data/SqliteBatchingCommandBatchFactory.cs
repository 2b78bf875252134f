using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Update;

namespace NestPortal.Data;

/// <summary>
/// SQLite's provider sends every INSERT, UPDATE and DELETE of a save as a command of its own (its batch
/// size is fixed at one; <c>MaxBatchSize</c> is a SQL Server option). For a bulk save that costs EF's
/// per-command work thousands of times. A context that sets <see cref="NestPortalDbContext.BatchesWrites"/>
/// gets up to <see cref="RowsPerCommand"/> statements in one command instead, consumed by EF's own
/// multi-statement batch (the one SQL Server uses): every statement still returns its generated key
/// or its row (<c>RETURNING</c>), so concurrency checks and unique indexes fail the save as before, and the
/// save stays one transaction. Every other context keeps the provider's single statements (ADR 0034).
/// </summary>
public sealed class SqliteBatchingCommandBatchFactory(ModificationCommandBatchFactoryDependencies dependencies, ICurrentDbContext current)
    : IModificationCommandBatchFactory
{
    /// <summary>The statements per command: taken from a first attempt, not tuned; binding grows with its square (ADR 0034).</summary>
    public const int RowsPerCommand = 25;

    public ModificationCommandBatch Create() =>
        current.Context is NestPortalDbContext { BatchesWrites: true }
            ? new Batch(dependencies)
            : new SingularModificationCommandBatch(dependencies);

    private sealed class Batch(ModificationCommandBatchFactoryDependencies dependencies)
        : AffectedCountModificationCommandBatch(dependencies, RowsPerCommand)
    {
        /// <summary>Below the parameter limit of SQLite builds older than 3.32 (999), as <see cref="DirectInsert"/>.</summary>
        protected override bool IsValid() => RelationalCommandBuilder.Parameters.Count <= DirectInsert.MaxParameters;
    }
}
