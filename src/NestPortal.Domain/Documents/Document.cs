using NestPortal.Domain.Common;

namespace NestPortal.Domain.Documents;

/// <summary>
/// An uploaded file attached to a group, a sponsorship or a household. Only its description lives here;
/// the bytes are in <see cref="DocumentContent"/>, a row of their own, so listing documents never reads them.
/// The file name is the uploader's, kept for display and the download's name only, never as a path.
/// A deleted or erased document stays as a tombstone (who, when, why) without name, hash or content.
/// </summary>
public sealed class Document
{
    public const int FileNameMaxLength = 200;
    public const int ReasonMaxLength = 500;

    public int Id { get; private set; }
    public DocumentOwnerKind OwnerKind { get; private set; }
    public int OwnerId { get; private set; }
    public DocumentCategory Category { get; private set; }

    /// <summary>The name shown and offered for the download; null once deleted or erased.</summary>
    public string? FileName { get; private set; }

    /// <summary>The type the content check found (never the browser's claim).</summary>
    public string ContentType { get; private set; } = string.Empty;

    public long Size { get; private set; }

    /// <summary>SHA-256 of the bytes (hex), to tell a corrupt copy from the upload; null once deleted or erased.</summary>
    public string? Sha256 { get; private set; }

    public string UploadedByUserId { get; private set; } = string.Empty;
    public string UploadedByName { get; private set; } = string.Empty;
    public DateTime UploadedAtUtc { get; private set; }

    public DateTime? DeletedAtUtc { get; private set; }
    public string? DeletedByName { get; private set; }
    public string? DeletionReason { get; private set; }

    /// <summary>Set when the record's retention period ended and the file went with its record's data.</summary>
    public DateTime? ErasedAtUtc { get; private set; }

    public bool IsAvailable => DeletedAtUtc is null && ErasedAtUtc is null;

    private Document()
    {
    }

    public Document(DocumentOwnerKind ownerKind, int ownerId, DocumentCategory category, string fileName, string contentType, long size,
        string sha256, Actor uploadedBy, DateTime nowUtc)
    {
        if (!DocumentCategories.Allows(ownerKind, category))
            throw new DomainException("Diese Art von Dokument gehört nicht zu diesem Datensatz.");
        if (size <= 0) throw new DomainException("Die Datei ist leer.");
        OwnerKind = ownerKind;
        OwnerId = ownerId;
        Category = category;
        FileName = fileName.Length > FileNameMaxLength ? fileName[..FileNameMaxLength] : fileName;
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        UploadedByUserId = uploadedBy.UserId;
        UploadedByName = uploadedBy.Name;
        UploadedAtUtc = nowUtc;
    }

    /// <summary>
    /// Removes the document from its record. Mentors remove only their own uploads, and only while the group may
    /// still change its application (draft or returned): what the competence centre has seen stays. Staff remove
    /// any document at any time, with a reason that stays on the tombstone.
    /// </summary>
    public void Delete(Actor actor, bool isStaff, bool groupEditable, string? reason, DateTime nowUtc)
    {
        if (!IsAvailable) throw new DomainException("Das Dokument ist bereits gelöscht.");
        if (!isStaff)
        {
            if (actor.UserId != UploadedByUserId)
                throw new DomainException("Sie können nur Dokumente löschen, die Sie selbst hochgeladen haben.");
            if (!groupEditable)
                throw new DomainException("Nach dem Einreichen können Dokumente nicht mehr gelöscht werden. Laden Sie bei Bedarf eine neue Fassung hoch.");
        }
        else if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Bitte geben Sie einen Grund für das Löschen an.");
        }

        DeletedAtUtc = nowUtc;
        DeletedByName = actor.Name;
        DeletionReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        Forget();
    }

    /// <summary>The record's retention ended (ADR 0014): the file's name and fingerprint go; the content row is deleted by the caller.</summary>
    public void Erase(DateTime nowUtc)
    {
        if (ErasedAtUtc is not null) return;
        ErasedAtUtc = nowUtc;
        DeletionReason = null;
        Forget();
    }

    private void Forget()
    {
        FileName = null;
        Sha256 = null;
    }
}

/// <summary>The bytes of one document, in a row of their own (ADR 0024).</summary>
public sealed class DocumentContent
{
    public int DocumentId { get; private set; }
    public byte[] Content { get; private set; } = [];

    private DocumentContent()
    {
    }

    public DocumentContent(int documentId, byte[] content)
    {
        DocumentId = documentId;
        Content = content;
    }
}
