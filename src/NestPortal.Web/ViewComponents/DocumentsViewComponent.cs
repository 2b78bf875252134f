using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Domain.Documents;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Web.Documents;

namespace NestPortal.Web.ViewComponents;

/// <summary>
/// A record's documents section: its documents (description only, never the bytes), the open requests of the
/// competence centre, and the links to upload, request and delete. Rendered only by pages that have already
/// checked the record is the user's; the document pages check again on their own.
/// </summary>
public sealed class DocumentsViewComponent(NestPortalDbContext db) : ViewComponent
{
    public sealed record Row(Document Document, bool MayDelete);

    public sealed record Section(DocumentOwnerKind Owner, int OwnerId, string Heading, IReadOnlyList<Row> Documents,
        IReadOnlyList<DocumentRequest> OpenRequests, bool IsStaff)
    {
        public string Route => DocumentScope.RouteName(Owner);
        public string HeadingId => $"documents-{Route}-{OwnerId}";
        public bool CanRequest => IsStaff && Owner != DocumentOwnerKind.Household;
    }

    public async Task<IViewComponentResult> InvokeAsync(DocumentOwnerKind owner, int id, string heading)
    {
        var documents = await db.Documents.AsNoTracking()
            .Where(d => d.OwnerKind == owner && d.OwnerId == id && d.DeletedAtUtc == null && d.ErasedAtUtc == null)
            .OrderByDescending(d => d.UploadedAtUtc).ThenByDescending(d => d.Id).ToListAsync();
        var requests = await db.DocumentRequests.AsNoTracking()
            .Where(r => r.OwnerKind == owner && r.OwnerId == id && r.FulfilledAtUtc == null && r.WithdrawnAtUtc == null)
            .OrderBy(r => r.RequestedAtUtc).ToListAsync();
        var editable = owner == DocumentOwnerKind.Group
                       && await db.MentoringGroups.AnyAsync(g => g.Id == id && (g.Status == GroupStatus.Draft || g.Status == GroupStatus.Returned));
        var user = HttpContext.User;
        return View(new Section(owner, id, heading, documents.Select(d => new Row(d, DocumentScope.MayDelete(user, d, editable))).ToList(),
            requests, user.IsStaff()));
    }
}
