using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NestPortal.Domain.Documents;

namespace NestPortal.Data.Configurations;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.Property(d => d.FileName).HasMaxLength(Document.FileNameMaxLength);
        builder.Property(d => d.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(d => d.Sha256).HasMaxLength(64).IsUnicode(false);
        builder.Property(d => d.UploadedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(d => d.UploadedByName).HasMaxLength(200).IsRequired();
        builder.Property(d => d.DeletedByName).HasMaxLength(200);
        builder.Property(d => d.DeletionReason).HasMaxLength(Document.ReasonMaxLength);
        builder.Ignore(d => d.IsAvailable);
        // A record's page lists its documents.
        builder.HasIndex(d => new { d.OwnerKind, d.OwnerId });
    }
}

/// <summary>The bytes, one row per document, never loaded with the list (ADR 0024).</summary>
internal sealed class DocumentContentConfiguration : IEntityTypeConfiguration<DocumentContent>
{
    public void Configure(EntityTypeBuilder<DocumentContent> builder)
    {
        builder.ToTable("DocumentContents");
        builder.HasKey(c => c.DocumentId);
        builder.Property(c => c.DocumentId).ValueGeneratedNever();
        builder.Property(c => c.Content).IsRequired();
        builder.HasOne<Document>().WithOne().HasForeignKey<DocumentContent>(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentRequestConfiguration : IEntityTypeConfiguration<DocumentRequest>
{
    public void Configure(EntityTypeBuilder<DocumentRequest> builder)
    {
        builder.Property(r => r.Explanation).HasMaxLength(DocumentRequest.ExplanationMaxLength).IsRequired();
        builder.Property(r => r.RequestedByName).HasMaxLength(200).IsRequired();
        builder.Ignore(r => r.IsOpen);
        builder.HasIndex(r => new { r.OwnerKind, r.OwnerId });
    }
}
