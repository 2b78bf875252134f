using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NestPortal.Data;
using NestPortal.Web.RentRuns;

namespace NestPortal.Web.Pages.Admin.RentRuns;

/// <summary>
/// One rent run's figures and its failure report, one line per account, for the competence centre to mend
/// (the next run retries); while the run works, its progress (polled through <see cref="OnGetStatusAsync"/>).
/// </summary>
public sealed class DetailsModel(NestPortalDbContext db, TimeProvider time, IOptions<RentRunOptions> options, IStringLocalizer<SharedResource> l) : PageModel
{
    public RentRunRow Run { get; private set; } = null!;

    public TimeSpan Lease => TimeSpan.FromMinutes(options.Value.LeaseMinutes);

    public DateTime NowUtc => time.UtcNow();

    public bool IsRunning => Run.IsRunningAt(NowUtc, Lease);

    /// <summary>The run's progress for the page's script: accounts checked of those running when it began.</summary>
    public async Task<IActionResult> OnGetStatusAsync(int id)
    {
        var run = await db.RentRuns.AsNoTracking().Where(r => r.Id == id).Select(RentRunRow.Projection).SingleOrDefaultAsync();
        if (run is null) return NotFound();
        Run = run;
        return new JsonResult(new
        {
            running = IsRunning,
            processed = run.AccountsChecked,
            total = run.AccountsToCheck ?? run.AccountsChecked,
            text = run.StateText(NowUtc, Lease, l),
        });
    }

    public IReadOnlyList<FailureLine> FailureLines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var run = await db.RentRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
        if (run is null) return NotFound();
        Run = RentRunRow.From(run);
        FailureLines = FailureLine.Parse(run.FailureReport);
        return Page();
    }
}

/// <summary>A line of the report, "#42: reason", split so the page can show the account in its own column.</summary>
public sealed record FailureLine(int? SponsorshipId, string Reason)
{
    public static IReadOnlyList<FailureLine> Parse(string? report) =>
        string.IsNullOrEmpty(report)
            ? []
            : report.Split('\n').Select(line =>
            {
                var colon = line.IndexOf(": ", StringComparison.Ordinal);
                return line.StartsWith('#') && colon > 1 && int.TryParse(line[1..colon], out var id)
                    ? new FailureLine(id, line[(colon + 2)..])
                    : new FailureLine(null, line);
            }).ToList();
}
