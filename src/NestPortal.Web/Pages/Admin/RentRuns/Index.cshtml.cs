using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.RentRuns;

namespace NestPortal.Web.Pages.Admin.RentRuns;

/// <summary>
/// The rent runs, newest first, and a button that starts one now. The run happens within the request
/// (seconds at today's volume); a scheduled run at the same moment is harmless, each month is paid once.
/// </summary>
public sealed class IndexModel(NestPortalDbContext db, RentRunner runner, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
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

        // Not cancelled with the request: a closed browser tab must not stop a run halfway.
        var run = await runner.RunAsync(Today, User.ToActor().Name, CancellationToken.None);
        TempData["Status"] = l["Der Mietlauf ist abgeschlossen: {0} geprüft, {1} gezahlt ({2}), {3}, {4} abgeschlossen, {5}.",
            l.Count(run.AccountsChecked, "{0} Konto", "{0} Konten"), l.Count(run.Payments, "{0} Miete", "{0} Mieten"), DecimalInput.Euros(run.AmountPaid),
            l.Count(run.Refunds, "{0} Rückzahlung", "{0} Rückzahlungen"), l.Count(run.SponsorshipsCompleted, "{0} Mentoring-Übernahme", "{0} Mentoring-Übernahmen"),
            l.Count(run.Failures, "1 Fehler", "{0} Fehler")].Value;
        return RedirectToPage();
    }

    public PagerModel Pager => new(Result.PageNumber, Result.PageCount, Result.Total, new Dictionary<string, string?>
    {
        ["onlyFailures"] = OnlyFailures ? "true" : null,
    });

    private async Task LoadAsync()
    {
        var runs = db.RentRuns.AsNoTracking();
        if (OnlyFailures) runs = runs.Where(r => r.Failures > 0);
        Result = await runs.OrderByDescending(r => r.Id).Select(RentRunRow.Projection).ToPagedAsync(PageNumber, PageSize);
    }
}
