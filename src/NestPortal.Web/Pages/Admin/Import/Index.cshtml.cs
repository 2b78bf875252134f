using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
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
/// </summary>
[RequestSizeLimit(ImportRun.MaxUploadBytes + 4 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportRun.MaxUploadBytes + 4 * 1024 * 1024)]
public sealed class IndexModel(NestPortalDbContext db, ImportQueue queue, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public Paged<ImportListRow> Result { get; private set; } = new([], 1, PageSize, 0);

    public sealed record ImportListRow(int Id, string FileName, DataImportStatus Status, string StartedBy, DateTime StartedAtUtc,
        int TotalRows, int ErrorCount, DateTime? CommittedAtUtc);

    public PagerModel Pager => new(Result.PageNumber, Result.PageCount, Result.Total, new Dictionary<string, string?>());

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostUploadAsync()
    {
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

        if (files.Sum(f => f.Length) > ImportRun.MaxUploadBytes)
        {
            ModelState.AddModelError(nameof(Files), l["Die Datei ist größer als 20 MB. Bitte teilen Sie die Daten auf mehrere Importe auf."]);
            return null;
        }

        var extensions = files.Select(f => Path.GetExtension(f.FileName).ToLowerInvariant()).ToList();
        if (extensions.Count == 1 && extensions[0] == ".xlsx") return (Path.GetFileName(files[0].FileName), await ReadAsync(files[0]));
        if (extensions.All(e => e == ".csv"))
        {
            var contents = new List<(string, byte[])>();
            foreach (var file in files) contents.Add((file.FileName, await ReadAsync(file)));
            return (string.Join(", ", files.Select(f => Path.GetFileName(f.FileName))), ImportSource.PackCsvFiles(contents));
        }

        ModelState.AddModelError(nameof(Files), l["Bitte laden Sie entweder genau eine XLSX-Datei oder nur CSV-Dateien hoch."]);
        return null;
    }

    private static async Task<byte[]> ReadAsync(IFormFile file)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private async Task LoadAsync() =>
        Result = await db.DataImports.AsNoTracking().OrderByDescending(i => i.Id)
            .Select(i => new ImportListRow(i.Id, i.FileName, i.Status, i.StartedByName, i.StartedAtUtc, i.TotalRows, i.ErrorCount, i.CommittedAtUtc))
            .ToPagedAsync(PageNumber, PageSize);
}
