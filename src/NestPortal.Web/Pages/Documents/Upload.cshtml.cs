using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NestPortal.Data;
using NestPortal.Domain.Common;
using NestPortal.Domain.Documents;
using NestPortal.Web.Authorization;
using NestPortal.Web.Documents;

namespace NestPortal.Web.Pages.Documents;

/// <summary>
/// Adds a document to a group, a sponsorship or a household, in any state of the record (also after submission).
/// The file is checked by its bytes (<see cref="DocumentContentCheck"/>) and stored in the database (ADR 0024);
/// an open request for its category is fulfilled with it. Like the import's upload page, the form is read here
/// within the file limit (<c>Documents:MaxFileMegabytes</c>) before the antiforgery token is checked, so a file
/// over the limit gets this page with a German message instead of a bare 400 or 413.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class UploadModel(NestPortalDbContext db, DocumentContentCheck check, IOptions<DocumentOptions> options, TimeProvider time,
    IStringLocalizer<SharedResource> l, IAntiforgery antiforgery, ILogger<UploadModel> logger) : PageModel
{
    /// <summary>Room in the request for the form's other fields and the multipart framing.</summary>
    private const long FormOverheadBytes = 64 * 1024;

    public DocumentOptions Limits => options.Value;
    public DocumentOwnerKind Owner { get; private set; }
    public int OwnerId { get; private set; }
    public string RecordName { get; private set; } = string.Empty;
    public string RecordPage { get; private set; } = "/";

    /// <summary>Filled from the form read within the limit, never by model binding (which would read the form first).</summary>
    public UploadInput Input { get; private set; } = new();

    /// <summary>Only the file field's name for its error message; the file itself is read from the form.</summary>
    public IFormFile? Upload => null;

    public IReadOnlyList<SelectListItem> Categories =>
        DocumentCategories.For(Owner).Select(c => new SelectListItem(DocumentTexts.Category(l, c), ((int)c).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

    public sealed class UploadInput
    {
        public DocumentCategory? Category { get; set; }
    }

    private IFormCollection? _form;

    public async Task<IActionResult> OnGetAsync(string owner, int id, DocumentCategory? category)
    {
        if (!await LoadAsync(owner, id)) return NotFound();
        if (category is { } asked && DocumentCategories.Allows(Owner, asked)) Input.Category = asked;
        return Page();
    }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        _form = await LimitedUpload.ReadPostAsync(context, Limits.MaxFileBytes + FormOverheadBytes, antiforgery);
        if (context.Result is null) await next();
    }

    /// <summary>No parameters: binding them would read the form before its size is checked.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(RouteData.Values["owner"] as string, int.TryParse(RouteData.Values["id"] as string, out var id) ? id : 0))
            return NotFound();
        if (_form is null)
        {
            ModelState.AddModelError("Upload", TooLarge);
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Page();
        }

        Input.Category = Enum.TryParse<DocumentCategory>(_form["Input.Category"], out var category) && Enum.IsDefined(category) ? category : null;
        if (Input.Category is null || !DocumentCategories.Allows(Owner, Input.Category.Value))
            ModelState.AddModelError("Input.Category", l["Bitte wählen Sie, was für ein Dokument Sie hochladen."]);
        var file = _form.Files.GetFile("Upload");
        if (file is null || file.FileName.Length == 0)
        {
            ModelState.AddModelError("Upload", l["Bitte wählen Sie eine Datei aus."]);
            return Page();
        }

        if (file.Length > Limits.MaxFileBytes)
        {
            ModelState.AddModelError("Upload", TooLarge);
            return Page();
        }

        var fileName = DocumentNames.Sanitise(file.FileName);
        var content = await LimitedUpload.ReadAsync(file);
        var result = check.Check(fileName, content);
        if (result.Refusal is { } refusal) ModelState.AddModelError("Upload", refusal);
        if (!ModelState.IsValid) return Page();

        var actor = User.ToActor();
        var document = new Document(Owner, OwnerId, Input.Category!.Value, fileName, result.Format!.ContentType, content.Length,
            Convert.ToHexStringLower(SHA256.HashData(content)), actor, time.UtcNow());
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Documents.Add(document);
            await db.SaveChangesAsync();
            db.DocumentContents.Add(new DocumentContent(document.Id, content));
            var requests = await db.DocumentRequests.Where(r => r.OwnerKind == Owner && r.OwnerId == OwnerId && r.Category == document.Category
                                                                 && r.FulfilledAtUtc == null && r.WithdrawnAtUtc == null).ToListAsync();
            foreach (var request in requests) request.Fulfil(document.Id, time.UtcNow());
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        logger.LogInformation("Document {DocumentId} ({ContentType}, {Size} bytes) added to {Owner} {OwnerId}", document.Id, document.ContentType, document.Size, Owner, OwnerId);
        TempData["Status"] = l["Das Dokument „{0}“ ist hochgeladen.", fileName].Value;
        return Redirect(RecordPage);
    }

    private async Task<bool> LoadAsync(string? owner, int id)
    {
        if (DocumentScope.ParseOwner(owner) is not { } kind || !await db.MayReachAsync(User, kind, id)) return false;
        Owner = kind;
        OwnerId = id;
        RecordPage = await db.RecordPageAsync(User, kind, id);
        RecordName = await DocumentRecords.NameAsync(db, l, kind, id);
        return true;
    }

    /// <summary>The posted form, or null when the request is larger than the file limit allows (by its stated length, or while reading).</summary>
    private string TooLarge => l["Die Datei ist größer als {0:N0} MB. Bitte verkleinern Sie sie (zum Beispiel als PDF mit geringerer Auflösung) oder teilen Sie sie auf mehrere Dateien auf.", Limits.MaxFileMegabytes];

}
