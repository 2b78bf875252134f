using NestPortal.Domain.Documents;
using NestPortal.Web.Texts;

namespace NestPortal.Web.Notifications;

/// <summary>What the competence centre's request for a missing document tells the group's main contacts (ADR 0024).</summary>
public static class DocumentNotices
{
    /// <summary>
    /// A request for a document of the group or of its sponsorship. Keyed by the record, the category and the moment
    /// of the request: the request's row has no id before the save the notice is written in, and a second request for
    /// the same document later is a new occurrence.
    /// </summary>
    public static Notice Requested(DocumentRequest request, int groupId) =>
        new($"document-request:{request.OwnerKind}:{request.OwnerId}:{request.Category}:{request.RequestedAtUtc.Ticks}", l => new NoticeText(
            l["Bitte reichen Sie ein Dokument nach: {0}", DocumentTexts.Category(l, request.Category)],
            [
                l["Das Kompetenzzentrum für Integration bittet Ihre Gruppe um folgendes Dokument: {0}.", DocumentTexts.Category(l, request.Category)].Value,
                l["Hinweis des Kompetenzzentrums: {0}", request.Explanation].Value,
                l["Sie können das Dokument auf der Seite Ihrer Gruppe hochladen (PDF, JPEG, PNG oder Office-Datei); die Bitte ist dann erledigt."].Value,
            ],
            $"/Groups/Details/{groupId}", l["Gruppe öffnen"]));
}
