using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NestPortal.Data.Auditing;

namespace NestPortal.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.UserName).HasMaxLength(256).IsRequired();
        builder.Property(a => a.Role).HasMaxLength(50);
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.EntityType).HasMaxLength(AuditEntry.EntityTypeMaxLength).IsRequired();
        builder.Property(a => a.EntityId).HasMaxLength(50).IsRequired();
        builder.Property(a => a.RequestId).HasMaxLength(100);
        builder.Property(a => a.ParentType).HasMaxLength(AuditEntry.EntityTypeMaxLength);
        builder.Property(a => a.ParentId).HasMaxLength(50);
        // The administrators' search: by record, by user, by time.
        builder.HasIndex(a => new { a.EntityType, a.EntityId, a.Id });
        builder.HasIndex(a => new { a.ParentType, a.ParentId, a.Id });
        builder.HasIndex(a => new { a.UserId, a.Id });
        builder.HasIndex(a => a.AtUtc);
    }
}
