using Microsoft.Extensions.Caching.Memory;

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

    public async Task<AnnualReport> GetAsync(ReportRequest request, CancellationToken cancellationToken = default)
    {
        var seconds = configuration.GetValue("Reports:CacheSeconds", DefaultCacheSeconds);
        if (seconds <= 0) return await query.RunAsync(request, cancellationToken);

        var key = (typeof(AnnualReportCache), request);
        // Read before computing: a write while the query runs changes the version, so that result is not served as current.
        var current = version.Current;
        if (cache.TryGetValue(key, out Entry? entry) && entry!.Version == current) return entry.Report;

        var report = await query.RunAsync(request, cancellationToken);
        cache.Set(key, new Entry(current, report), TimeSpan.FromSeconds(seconds));
        return report;
    }

    private sealed record Entry(long Version, AnnualReport Report);
}
