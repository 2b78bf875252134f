using Microsoft.Extensions.Localization;
using NestPortal.Domain.Documents;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.Texts;

namespace NestPortal.Web.AccessRequests;

/// <summary>Documents as the exports list them: name, category in the reader's language, German local time, uploader.</summary>
internal static class DocumentLines
{
    public static DocumentEntry Entry(Document document, IStringLocalizer l) =>
        new(document.FileName, DocumentTexts.Category(l, document.Category), Clock.InGermanyWithOffset(document.UploadedAtUtc), document.UploadedByName);

    /// <summary>Oldest first, as the other lists of the exports.</summary>
    public static List<DocumentEntry> Entries(IEnumerable<Document> documents, IStringLocalizer l) =>
        documents.OrderBy(d => d.UploadedAtUtc).ThenBy(d => d.Id).Select(d => Entry(d, l)).ToList();
}
