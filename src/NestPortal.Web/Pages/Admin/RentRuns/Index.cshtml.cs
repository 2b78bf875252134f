using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.RentRuns;
using Microsoft.Extensions.Options;
using Quartz;

namespace NestPortal.Web.Pages.Admin.RentRuns;

/// <summary>
/// The rent runs, newest first, and a button that starts one now. The run is the background job's
/// (<see cref="RentRunJob"/>), not the request's: a closed tab, a proxy's timeout or a restart of the
/// server cannot stop it halfway, and one instance of the cluster runs it at a time. A running run shows
/// its progress; a scheduled run at the same moment is harmless, each month is paid once.
/// </summary>
public sealed class IndexModel(NestPortalDbContext db, ISchedulerFactory schedulers, TimeProvider time, IOptions<RentRunOptions> options,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public bool OnlyFailures { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    /// <summary>The administrator's confirmation that money is to be paid out now.</summary>
    [BindProperty] public bool Confirmed { get; set; }

    public Paged<RentRunRow> Result { get; private set; } = new([], 1, PageSize, 0);

    public DateOnly Today => time.TodayInGermany();

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostStartAsync()
    {
        if (!Confirmed)
        {
            ModelState.AddModelError(nameof(Confirmed), l["Bitte bestätigen Sie, dass der Mietlauf jetzt Mieten auszahlen soll."]);
            await LoadAsync();
            return Page();
        }

        var scheduler = await schedulers.GetScheduler(CancellationToken.None);
        // Not cancelled with the request: a closed browser tab must not stop the start halfway.
        await scheduler.TriggerJob(RentRunJob.Key, new JobDataMap { [RentRunJob.StartedByKey] = User.ToActor().Name }, CancellationToken.None);
        TempData["Status"] = l["Der Mietlauf ist gestartet und läuft im Hintergrund. Sein Fortschritt steht unten; sein Ergebnis erscheint in der Liste, sobald er fertig ist."].Value;
        return RedirectToPage();
    }

    public TimeSpan Lease => TimeSpan.FromMinutes(options.Value.LeaseMinutes);

    public DateTime NowUtc => time.UtcNow();

    /// <summary>The newest run still working, whose progress the page shows at the top.</summary>
    public RentRunRow? Running { get; private set; }

    public PagerModel Pager => new(Result.PageNumber, Result.PageCount, Result.Total, new Dictionary<string, string?>
    {
        ["onlyFailures"] = OnlyFailures ? "true" : null,
    });

    private async Task LoadAsync()
    {
        var runs = db.RentRuns.AsNoTracking();
        if (OnlyFailures) runs = runs.Where(r => r.Failures > 0);
        Result = await runs.OrderByDescending(r => r.Id).Select(RentRunRow.Projection).ToPagedAsync(PageNumber, PageSize);
        var newestUnfinished = await db.RentRuns.AsNoTracking().Where(r => r.FinishedAtUtc == null).OrderByDescending(r => r.Id)
            .Select(RentRunRow.Projection).FirstOrDefaultAsync();
        Running = newestUnfinished?.IsRunningAt(NowUtc, Lease) == true ? newestUnfinished : null;
    }
}
