using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Data.Operations;
using NestPortal.Web.Authorization;
using NestPortal.Web.Import;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Admin.Import;

/// <summary>
/// The imports, newest first, and the upload form: one XLSX workbook or a set of CSV files. The upload
/// only stores the file; the dry run happens in the background and its page shows the progress.
/// An upload over the limit (<c>Import:MaxUploadMegabytes</c>) gets this page with a message, not a bare 400 or
/// 413: the page reads the form itself, after looking at the request's size, and checks the antiforgery token
/// then, for every POST it takes (<see cref="OnPageHandlerExecutionAsync"/>); the automatic check would read the
/// form first, without the upload's limit, and fail without a word.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class IndexModel(NestPortalDbContext db, ImportQueue queue, TimeProvider time, IStringLocalizer<SharedResource> l,
    IAntiforgery antiforgery, IConfiguration configuration) : PageModel
{
    public const int PageSize = 20;

    /// <summary>Room in the request for the form's other fields and the multipart boundaries of several CSV files.</summary>
    private const long FormOverheadBytes = 4L * 1024 * 1024;

    public ImportLimits Limits { get; } = ImportLimits.From(configuration);

    /// <summary>From the query only: a bound property would make a POST read the form before the size is checked.</summary>
    public int PageNumber { get; private set; } = 1;

    public List<IFormFile> Files { get; private set; } = [];

    public Paged<ImportListRow> Result { get; private set; } = new([], 1, PageSize, 0);

    public sealed record ImportListRow(int Id, string FileName, DataImportStatus Status, string StartedBy, DateTime StartedAtUtc,
        int TotalRows, int ErrorCount, DateTime? CommittedAtUtc);

    public PagerModel Pager => new(Result.PageNumber, Result.PageCount, Result.Total, new Dictionary<string, string?>());

    public async Task OnGetAsync(int pageNumber = 1)
    {
        PageNumber = pageNumber;
        await LoadAsync();
    }

    /// <summary>The posted form, read within the upload's limit; null for a request over it.</summary>
    private IFormCollection? _form;

    /// <summary>
    /// Every POST to this page: the form read within the upload's limit, then the antiforgery token checked, before
    /// any handler runs. A request over the limit is let through to the handler only to show the message; it
    /// carries nothing the handler uses.
    /// </summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        _form = await LimitedUpload.ReadPostAsync(context, Limits.MaxUploadBytes + FormOverheadBytes, antiforgery);
        if (context.Result is null) await next();
    }

    public async Task<IActionResult> OnPostUploadAsync()
    {
        if (_form is null)
        {
            ModelState.AddModelError(nameof(Files), TooLarge);
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await LoadAsync();
            return Page();
        }

        Files = _form.Files.GetFiles(nameof(Files)).ToList();
        var upload = await ReadUploadAsync();
        if (upload is null)
        {
            await LoadAsync();
            return Page();
        }

        var (fileName, content) = upload.Value;
        var actor = User.ToActor();
        var import = new DataImport(fileName, Convert.ToHexStringLower(SHA256.HashData(content)), content.Length, actor.UserId, actor.Name, time.UtcNow());
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.DataImports.Add(import);
            await db.SaveChangesAsync();
            db.DataImportFiles.Add(new DataImportFile(import.Id, content));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        // Not the request's token: once the import is saved it must be queued, whether or not the browser waits.
        await queue.EnqueueAsync(import.Id, CancellationToken.None);
        TempData["Status"] = l["Die Datei ist hochgeladen; die Probe läuft."].Value;
        return RedirectToPage("Details", new { id = import.Id });
    }

    /// <summary>One workbook as it is, or the CSV files packed together; null with a form error otherwise.</summary>
    private async Task<(string FileName, byte[] Content)?> ReadUploadAsync()
    {
        var files = Files.Where(f => f.Length > 0).ToList();
        if (files.Count == 0)
        {
            ModelState.AddModelError(nameof(Files), l["Bitte wählen Sie eine XLSX-Datei oder eine oder mehrere CSV-Dateien."]);
            return null;
        }

        if (files.Sum(f => f.Length) > Limits.MaxUploadBytes)
        {
            ModelState.AddModelError(nameof(Files), TooLarge);
            return null;
        }

        var extensions = files.Select(f => Path.GetExtension(f.FileName).ToLowerInvariant()).ToList();
        if (extensions.Count == 1 && extensions[0] == ".xlsx") return (Path.GetFileName(files[0].FileName), await LimitedUpload.ReadAsync(files[0]));
        if (extensions.All(e => e == ".csv"))
        {
            var contents = new List<(string, byte[])>();
            foreach (var file in files) contents.Add((file.FileName, await LimitedUpload.ReadAsync(file)));
            return (string.Join(", ", files.Select(f => Path.GetFileName(f.FileName))), ImportSource.PackCsvFiles(contents));
        }

        ModelState.AddModelError(nameof(Files), l["Bitte laden Sie entweder genau eine XLSX-Datei oder nur CSV-Dateien hoch."]);
        return null;
    }

    /// <summary>
    /// The posted form, or null when the request is larger than the upload limit allows: refused by its stated
    /// length before a byte is read, or while reading when it has none (chunked) or states less than it sends.
    /// </summary>
    private string TooLarge => l["Die Datei ist größer als {0:N0} MB. Bitte teilen Sie die Daten auf mehrere Importe auf.", Limits.MaxUploadBytes / 1024 / 1024];


    private async Task LoadAsync() =>
        Result = await db.DataImports.AsNoTracking().OrderByDescending(i => i.Id)
            .Select(i => new ImportListRow(i.Id, i.FileName, i.Status, i.StartedByName, i.StartedAtUtc, i.TotalRows, i.ErrorCount, i.CommittedAtUtc))
            .ToPagedAsync(PageNumber, PageSize);
}
