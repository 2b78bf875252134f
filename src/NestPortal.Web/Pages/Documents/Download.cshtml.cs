using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using NestPortal.Data;
using NestPortal.Domain.Documents;
using NestPortal.Web.Documents;

namespace NestPortal.Web.Pages.Documents;

/// <summary>
/// Hands out one document, always as an attachment (there is no view in the browser, so opening a document is
/// downloading it): looked up by its id after the record's scope check, served with the type the content check
/// found, never cached, and logged as a view of the document in the audit log (ADR 0024). A document outside
/// the user's scope, deleted or erased is a 404.
/// </summary>
public sealed class DownloadModel(NestPortalDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id);
        if (document is null || !document.IsAvailable || !await db.MayReachAsync(User, document.OwnerKind, document.OwnerId)) return NotFound();
        var content = await db.DocumentContents.AsNoTracking().Where(c => c.DocumentId == id).Select(c => c.Content).SingleOrDefaultAsync();
        if (content is null) return NotFound();

        db.RecordView(nameof(Document), id);
        await db.SaveViewsAsync(HttpContext);

        Response.Headers.CacheControl = "no-store";
        Response.Headers.Pragma = "no-cache";
        Response.Headers.XContentTypeOptions = "nosniff";
        var disposition = new ContentDispositionHeaderValue("attachment");
        // Cleaned again when served: the stored name may predate today's rules for names.
        disposition.SetHttpFileName(DocumentNames.Sanitise(document.FileName!));
        Response.Headers.ContentDisposition = disposition.ToString();
        return File(content, document.ContentType);
    }
}
