using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;

namespace NestPortal.Web.Pages.Admin.RentRuns;

/// <summary>One rent run's figures and its failure report, one line per account, for the competence centre to mend (the next run retries).</summary>
public sealed class DetailsModel(NestPortalDbContext db) : PageModel
{
    public RentRunRow Run { get; private set; } = null!;

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
