using NestPortal.Domain.Common;

namespace NestPortal.Web.Import;

/// <summary>
/// What one pass over an import needs besides the file: the day the portal's "today" rules judge by,
/// who acts, and where progress goes. The dry run and the commit are the same pass; only the commit saves.
/// </summary>
public sealed record ImportRun(int ImportId, DateOnly Today, DateTime NowUtc, Actor Actor, bool Commit, ImportProgressSink Progress)
{
    /// <summary>The rows one sheet may have unless <c>Import:MaxRowsPerSheet</c> says otherwise (docs/import.md, Limits).</summary>
    public const int DefaultMaxRowsPerSheet = 20_000;

    /// <summary>
    /// Where the row limit is configured: a whole history's ledger (100,000 rows and more) can be taken over
    /// in one import where the operator raises it (docs/performance.md, Import).
    /// </summary>
    public const string MaxRowsPerSheetSetting = "Import:MaxRowsPerSheet";

    public int MaxRowsPerSheet { get; init; } = DefaultMaxRowsPerSheet;
}

/// <summary>Counts rows as they are checked or written and reports every few hundred, so a page can show a progress bar.</summary>
public sealed class ImportProgressSink(Func<int, int, Task> report, int every = 500)
{
    public int Total { get; set; }
    public int Processed { get; private set; }

    public static ImportProgressSink None => new((_, _) => Task.CompletedTask);

    public async Task RowDoneAsync()
    {
        Processed++;
        if (Processed % every == 0) await report(Processed, Total);
    }

    public Task FlushAsync() => report(Processed, Total);
}
