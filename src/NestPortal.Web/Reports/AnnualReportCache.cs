using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace NestPortal.Web.Reports;

/// <summary>
/// The yearly report for a request, computed once and kept in memory for every rendering (screen, tables,
/// print view, answers, CSV, XLSX) until the data it reads change (<see cref="ReportDataVersion"/>) or, at the
/// latest, <c>Reports:CacheSeconds</c> later (default 60; 0 turns the cache off). The bound is for writes of
/// other instances, which this instance cannot see. Why this is correct: ADR 0033.
/// </summary>
public sealed class AnnualReportCache(AnnualReportQuery query, IMemoryCache cache, ReportDataVersion version, IConfiguration configuration)
{
    public const int DefaultCacheSeconds = 60;

    public async Task<AnnualReport> GetAsync(ReportRequest request, CancellationToken cancellationToken = default) =>
        (await EntryAsync(request, cancellationToken)).Report;

    /// <summary>
    /// The report with its tables as <paramref name="l"/> words them, built once per language and kept with the
    /// report. Building them walks every area row (3,400 at twenty times national scale) while the report page
    /// shows 20 rows a table, so building them per request made the cached page grow with the data.
    /// </summary>
    public async Task<LocalisedReport> GetWithTablesAsync(ReportRequest request, IStringLocalizer l, CancellationToken cancellationToken = default)
    {
        var entry = await EntryAsync(request, cancellationToken);
        // The texts follow the UI culture, numbers and dates in them the culture: both make the key.
        var language = (CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name);
        return new LocalisedReport(entry.Report, entry.Tables.GetOrAdd(language, static (_, x) => x.Report.ToTables(x.l), (entry.Report, l)));
    }

    private async Task<Entry> EntryAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var seconds = configuration.GetValue("Reports:CacheSeconds", DefaultCacheSeconds);
        if (seconds <= 0) return new Entry(version.Current, await query.RunAsync(request, cancellationToken));

        var key = (typeof(AnnualReportCache), request);
        // Read before computing: a write while the query runs changes the version, so that result is not served as current.
        var current = version.Current;
        if (cache.TryGetValue(key, out Entry? entry) && entry!.Version == current) return entry;

        entry = new Entry(current, await query.RunAsync(request, cancellationToken));
        cache.Set(key, entry, TimeSpan.FromSeconds(seconds));
        return entry;
    }

    private sealed record Entry(long Version, AnnualReport Report)
    {
        /// <summary>The report's tables per (culture, UI culture); they are read only, so every request may share them.</summary>
        public ConcurrentDictionary<(string Culture, string UiCulture), IReadOnlyList<ReportTable>> Tables { get; } = new();
    }
}

/// <summary>A report and its tables in the request's language (<see cref="AnnualReport.ToTables"/>).</summary>
public sealed record LocalisedReport(AnnualReport Report, IReadOnlyList<ReportTable> Tables);
