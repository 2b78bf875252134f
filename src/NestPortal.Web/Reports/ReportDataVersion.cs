using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NestPortal.Domain.Banking;
using NestPortal.Domain.Households;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Outreach;
using NestPortal.Domain.Sponsorships;

namespace NestPortal.Web.Reports;

/// <summary>
/// A counter that changes whenever this instance writes a table the yearly report reads, so a cached report
/// (<see cref="AnnualReportCache"/>) is never served after a change made through this instance (ADR 0033). It
/// watches the SQL commands themselves, not only SaveChanges, so bulk updates (ExecuteUpdate, raw SQL: the
/// rent run, retention, erasure) count too. A write inside a transaction bumps again when it commits, so a report
/// computed between the write and the commit, from the data before it, is not kept under the new version.
/// Writes of other instances are not seen: there the cache's lifetime (<c>Reports:CacheSeconds</c>) bounds the lag.
/// </summary>
public sealed partial class ReportDataVersion : DbCommandInterceptor
{
    /// <summary>What the report reads (<see cref="AnnualReportQuery"/>); a write to any other table leaves the report valid.</summary>
    private static readonly Type[] ReportEntities =
    [
        typeof(Household), typeof(Refugee), typeof(Sponsorship), typeof(MentoringGroup), typeof(Mentor), typeof(EscrowEntry),
        typeof(BankEntry), typeof(BankMatch), typeof(OutreachEvent), typeof(OutreachMunicipality), typeof(Municipality),
    ];

    private readonly ConditionalWeakTable<DbTransaction, object> _transactionsWithWrites = [];
    private HashSet<string>? _tables;
    private long _version;

    public ReportDataVersion() => Commits = new CommitWatcher(this);

    /// <summary>The interceptor that sees transactions commit; registered beside this one.</summary>
    public IInterceptor Commits { get; }

    /// <summary>The current version; compare it before and after reading to know whether the data may have changed.</summary>
    public long Current => Interlocked.Read(ref _version);

    public void Bump() => Interlocked.Increment(ref _version);

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Written(command, eventData.Context);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        Written(command, eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>A write with RETURNING outside a transaction is committed when its reader is done: bump once more then.</summary>
    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        if (command.Transaction is null && WritesReportTable(command, eventData.Context)) Bump();
        return result;
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Written(command, eventData.Context);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Written(command, eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Written(DbCommand command, DbContext? context)
    {
        if (!WritesReportTable(command, context)) return;
        Bump();
        if (command.Transaction is { } transaction) _transactionsWithWrites.AddOrUpdate(transaction, this);
    }

    private void Committed(DbTransaction transaction)
    {
        if (_transactionsWithWrites.Remove(transaction)) Bump();
    }

    private sealed class CommitWatcher(ReportDataVersion version) : DbTransactionInterceptor
    {
        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => version.Committed(transaction);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            version.Committed(transaction);
            return Task.CompletedTask;
        }
    }

    /// <summary>
    /// Whether the command inserts into, updates or deletes from a table the report reads. A false positive costs
    /// one recomputation; a false negative would show an old figure, so every write statement in the text counts.
    /// </summary>
    private bool WritesReportTable(DbCommand command, DbContext? context)
    {
        var text = command.CommandText;
        if (text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !text.Contains(';', StringComparison.Ordinal)) return false;
        var tables = _tables ??= context is null ? null : TablesOf(context.Model);
        foreach (Match match in WriteStatement().Matches(text))
        {
            if (tables is null || tables.Contains(match.Groups["table"].Value)) return true;
        }

        return false;
    }

    private static HashSet<string> TablesOf(Microsoft.EntityFrameworkCore.Metadata.IModel model) =>
        ReportEntities.Select(model.FindEntityType).OfType<Microsoft.EntityFrameworkCore.Metadata.IEntityType>()
            .Select(e => e.GetTableName()).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>INSERT INTO / UPDATE / DELETE FROM / MERGE INTO a table, quoted the SQLite or the SQL Server way, with or without schema.</summary>
    [GeneratedRegex("""\b(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|MERGE(?:\s+INTO)?)\s+(?:(?:\[\w+\]|"\w+"|\w+)\.)?[\["`]?(?<table>\w+)""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WriteStatement();
}
