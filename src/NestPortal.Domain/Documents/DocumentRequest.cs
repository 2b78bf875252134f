using NestPortal.Domain.Common;

namespace NestPortal.Domain.Documents;

/// <summary>
/// The competence centre asks a group for a missing document (of a group or its sponsorship). It stays open on
/// the group's page until a document of the asked category is uploaded to that record, which fulfils it, or the
/// clerk withdraws it.
/// </summary>
public sealed class DocumentRequest
{
    public const int ExplanationMaxLength = 1000;

    public int Id { get; private set; }
    public DocumentOwnerKind OwnerKind { get; private set; }
    public int OwnerId { get; private set; }
    public DocumentCategory Category { get; private set; }
    public string Explanation { get; private set; } = string.Empty;
    public string RequestedByName { get; private set; } = string.Empty;
    public DateTime RequestedAtUtc { get; private set; }
    public DateTime? FulfilledAtUtc { get; private set; }
    public int? FulfilledByDocumentId { get; private set; }
    public DateTime? WithdrawnAtUtc { get; private set; }

    public bool IsOpen => FulfilledAtUtc is null && WithdrawnAtUtc is null;

    private DocumentRequest()
    {
    }

    public DocumentRequest(DocumentOwnerKind ownerKind, int ownerId, DocumentCategory category, string note, Actor requestedBy, DateTime nowUtc)
    {
        if (ownerKind == DocumentOwnerKind.Household)
            throw new DomainException("Von einer Familie werden keine Dokumente über das Portal angefordert.");
        if (!DocumentCategories.Allows(ownerKind, category))
            throw new DomainException("Diese Art von Dokument gehört nicht zu diesem Datensatz.");
        OwnerKind = ownerKind;
        OwnerId = ownerId;
        Category = category;
        Explanation = note.Trim();
        RequestedByName = requestedBy.Name;
        RequestedAtUtc = nowUtc;
    }

    /// <summary>Whether an uploaded document answers this request: same record, same category, while it is open.</summary>
    public bool IsAnsweredBy(Document document) =>
        IsOpen && document.OwnerKind == OwnerKind && document.OwnerId == OwnerId && document.Category == Category;

    public void Fulfil(int documentId, DateTime nowUtc)
    {
        if (!IsOpen) return;
        FulfilledAtUtc = nowUtc;
        FulfilledByDocumentId = documentId;
    }

    public void Withdraw(DateTime nowUtc)
    {
        if (!IsOpen) throw new DomainException("Die Anforderung ist bereits erledigt.");
        WithdrawnAtUtc = nowUtc;
    }
}
