using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Data.Operations;
using NestPortal.Web.Authorization;
using NestPortal.Web.Import;

namespace NestPortal.Web.Pages.Admin.Import;

/// <summary>
/// One import: its progress while the dry run or commit runs (a polling script refreshes it, the
/// "Aktualisieren" link without script), the counts per sheet, the errors per sheet and row, and the
/// commit (only after a clean dry run, confirmed) or discard.
/// </summary>
public sealed class DetailsModel(NestPortalDbContext db, ImportQueue queue, ImportProgress progress, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int ErrorsPerPage = 50;

    public DataImport Import { get; private set; } = null!;
    public ImportReport Report { get; private set; } = new();
    public int Processed { get; private set; }
    public int Total { get; private set; }

    [BindProperty(SupportsGet = true)] public int ErrorPage { get; set; } = 1;

    /// <summary>The administrator's confirmation that the records are to be written now.</summary>
    [BindProperty] public bool Confirmed { get; set; }

    /// <summary>The import's concurrency stamp as the page showed it.</summary>
    [BindProperty] public Guid? Version { get; set; }

    public bool IsRunning => ImportStatusLabel.IsRunning(Import.Status);
    public bool CanCommit => Import.Status == DataImportStatus.Checked;
    public bool CanDiscard => Import.Status is DataImportStatus.Checked or DataImportStatus.Invalid;

    public IReadOnlyList<ImportProblem> ErrorsShown =>
        Report.Errors.Skip((Math.Max(1, ErrorPage) - 1) * ErrorsPerPage).Take(ErrorsPerPage).ToList();

    public int ErrorPageCount => Math.Max(1, (int)Math.Ceiling(Report.Errors.Count / (double)ErrorsPerPage));

    public string ProgressText => ProgressTextOf(Import.Status, Processed, Total, l);

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>What the polling script needs: status, progress and whether the page should reload.</summary>
    public async Task<IActionResult> OnGetStatusAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        return new JsonResult(new
        {
            status = Import.Status.ToString(),
            label = ImportStatusLabel.Of(Import.Status, l),
            running = IsRunning,
            processed = Processed,
            total = Total,
            text = ProgressText,
        });
    }

    public async Task<IActionResult> OnPostCommitAsync(int id)
    {
        var import = await db.DataImports.SingleOrDefaultAsync(i => i.Id == id);
        if (import is null) return NotFound();
        var notCommittable = l["Dieser Import kann nicht (mehr) übernommen werden: Er ist nicht fehlerfrei geprüft oder wurde inzwischen übernommen oder verworfen."];
        if (!Confirmed)
        {
            ModelState.AddModelError(nameof(Confirmed), l["Bitte bestätigen Sie, dass die Daten jetzt übernommen werden sollen."]);
            return await ShowAgainAsync(id);
        }

        if (import.Status != DataImportStatus.Checked)
        {
            ModelState.AddModelError(string.Empty, notCommittable);
            return await ShowAgainAsync(id);
        }

        // The stamp refuses the claim if another administrator committed or discarded the import since the page was shown.
        if (!await db.TrySaveAsync(import, i => i.ConcurrencyStamp, Version, () => import.StartCommit(User.ToActor().Name), ModelState, l,
                new(notCommittable)))
            return await ShowAgainAsync(id);

        // Not the request's token: once the import is saved it must be queued, whether or not the browser waits.
        await queue.EnqueueAsync(import.Id, CancellationToken.None);
        TempData["Status"] = l["Die Übernahme läuft."].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDiscardAsync(int id)
    {
        var import = await db.DataImports.SingleOrDefaultAsync(i => i.Id == id);
        if (import is null) return NotFound();
        var notDiscardable = l["Dieser Import kann nicht (mehr) verworfen werden."];
        if (import.Status is not (DataImportStatus.Checked or DataImportStatus.Invalid))
        {
            ModelState.AddModelError(string.Empty, notDiscardable);
            return await ShowAgainAsync(id);
        }

        // The stamp refuses the discard if another administrator's commit claimed the import since the page was shown.
        if (!await db.TrySaveAsync(import, i => i.ConcurrencyStamp, Version, () =>
                {
                    var report = ImportReport.FromJson(import.Report);
                    report.DiscardedBy = User.ToActor().Name;
                    import.Fail(report.ToJson());
                }, ModelState, l, new(notDiscardable)))
            return await ShowAgainAsync(id);

        await db.DataImportFiles.Where(f => f.DataImportId == id).ExecuteDeleteAsync();
        TempData["Status"] = l["Der Import ist verworfen; die Datei ist gelöscht."].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>After a refused commit or discard: the import as saved now, with the reason above it.</summary>
    private async Task<IActionResult> ShowAgainAsync(int id)
    {
        await LoadAsync(id);
        return Page();
    }

    public static string ProgressTextOf(DataImportStatus status, int processed, int total, IStringLocalizer l)
    {
        var culture = CultureInfo.CurrentCulture;
        return status == DataImportStatus.Committing || status == DataImportStatus.Committed
            ? l["{0} von {1} Zeilen übernommen", processed.ToString("N0", culture), total.ToString("N0", culture)]
            : l["{0} von {1} Zeilen geprüft", processed.ToString("N0", culture), total.ToString("N0", culture)];
    }

    private async Task<bool> LoadAsync(int id)
    {
        var import = await db.DataImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id);
        if (import is null) return false;
        Import = import;
        Report = ImportReport.FromJson(import.Report);
        (Processed, Total) = (import.ProcessedRows, import.TotalRows);
        if (IsRunning && progress.Of(id) is { } live) (Processed, Total) = live;
        Version ??= import.ConcurrencyStamp;
        return true;
    }
}
