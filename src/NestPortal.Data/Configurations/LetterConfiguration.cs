using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NestPortal.Domain.Households;
using NestPortal.Domain.Letters;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Municipalities;

namespace NestPortal.Data.Configurations;

/// <summary>
/// Letters as sent. Not audited by the change tracker (the log would copy the PDF); the decision they
/// state is, and every municipality's opening of one is logged as a view of that decision.
/// </summary>
internal sealed class LetterConfiguration : IEntityTypeConfiguration<Letter>
{
    public void Configure(EntityTypeBuilder<Letter> builder)
    {
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(l => l.FileName).HasMaxLength(Letter.FileNameMaxLength).IsRequired();
        builder.Property(l => l.Content).IsRequired();
        builder.Property(l => l.Sha256).HasMaxLength(64).IsFixedLength().IsUnicode(false).IsRequired();
        builder.Ignore(l => l.IsIntact);
        // One letter per decision: a second request for an old decision's letter finds the first.
        builder.HasOne(l => l.Allocation).WithMany().HasForeignKey(l => l.AllocationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.AllocationId).IsUnique();
        // Not cascading: SQL Server refuses a second cascade path (household → decision → letter); the erasure removes letters itself.
        builder.HasOne<Household>().WithMany().HasForeignKey(l => l.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(l => l.AddresseeAgs).OnDelete(DeleteBehavior.Restrict);
        // A group's notices go with its members' data (the erasure removes them); groups are never deleted.
        builder.HasOne<MentoringGroup>().WithMany().HasForeignKey(l => l.GroupId).OnDelete(DeleteBehavior.Restrict);
    }
}
