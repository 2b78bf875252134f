namespace NestPortal.Domain.Documents;

/// <summary>The record a document is attached to; its access and retention are that record's (ADR 0024).</summary>
public enum DocumentOwnerKind
{
    Group = 1,
    Sponsorship = 2,

    /// <summary>Staff only: a family's papers are never shown to mentors or municipalities through the portal.</summary>
    Household = 3,
}

/// <summary>What a document proves; the German labels are in the web layer's texts.</summary>
public enum DocumentCategory
{
    TrainingCertificate = 1,
    Declaration = 2,
    Lease = 3,
    RentAccountProof = 4,
    BankStatement = 5,
    Other = 99,
}

/// <summary>Which categories each record takes: what the programme asks of a group, of a match, of a family.</summary>
public static class DocumentCategories
{
    public static IReadOnlyList<DocumentCategory> For(DocumentOwnerKind owner) => owner switch
    {
        DocumentOwnerKind.Group => [DocumentCategory.TrainingCertificate, DocumentCategory.Declaration, DocumentCategory.Other],
        DocumentOwnerKind.Sponsorship =>
            [DocumentCategory.Lease, DocumentCategory.RentAccountProof, DocumentCategory.BankStatement, DocumentCategory.Declaration, DocumentCategory.Other],
        DocumentOwnerKind.Household => [DocumentCategory.Declaration, DocumentCategory.Other],
        _ => [],
    };

    public static bool Allows(DocumentOwnerKind owner, DocumentCategory category) => For(owner).Contains(category);
}
