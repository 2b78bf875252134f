using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NestPortal.Domain.Households;
using NestPortal.Domain.Municipalities;

namespace NestPortal.Data.Configurations;

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> builder)
    {
        builder.Property(h => h.Reference).HasMaxLength(Household.ReferenceMaxLength).IsRequired();
        builder.HasIndex(h => h.Reference).IsUnique();
        builder.Property(h => h.SpecialNeedsNote).HasMaxLength(Household.SpecialNeedsMaxLength);
        builder.Property(h => h.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.PrincipalName).HasMaxLength(Refugee.NameMaxLength);
        builder.Property(h => h.ConcurrencyStamp).IsConcurrencyToken();
        builder.Ignore(h => h.CurrentAllocation);

        builder.HasOne<Municipality>().WithMany().HasForeignKey(h => h.AllocatedMunicipalityAgs).OnDelete(DeleteBehavior.Restrict);
        // The lists' filters and keyset orders: by status, by municipality (the municipality's own list), by arrival.
        builder.HasIndex(h => new { h.Status, h.Id });
        builder.HasIndex(h => new { h.AllocatedMunicipalityAgs, h.ExpectedArrival });
        builder.HasIndex(h => new { h.FirstArrival, h.Id });
        builder.HasIndex(h => new { h.PrincipalName, h.Id });

        builder.HasMany(h => h.Persons).WithOne().HasForeignKey("HouseholdId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(h => h.Persons).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(h => h.Allocations).WithOne().HasForeignKey(a => a.HouseholdId).IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(h => h.Allocations).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class RefugeeConfiguration : IEntityTypeConfiguration<Refugee>
{
    public void Configure(EntityTypeBuilder<Refugee> builder)
    {
        builder.ToTable("Refugees");
        builder.Property(r => r.GivenName).HasMaxLength(Refugee.NameMaxLength).IsRequired();
        builder.Property(r => r.FamilyName).HasMaxLength(Refugee.NameMaxLength).IsRequired();
        builder.Property(r => r.Sex).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.NationalityCode).HasMaxLength(2).IsFixedLength().IsUnicode(false).IsRequired();
        builder.Property(r => r.FirstRefugeCountryCode).HasMaxLength(2).IsFixedLength().IsUnicode(false).IsRequired();
        builder.Property(r => r.AdmissionDecisionReference).HasMaxLength(Refugee.ReferenceMaxLength).IsRequired();
        builder.Property(r => r.DepartureReason).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.DepartureNote).HasMaxLength(Refugee.DepartureNoteMaxLength);
        builder.Ignore(r => r.DisplayName);
        builder.Ignore(r => r.HasLeft);
        // Searching households by a person's name.
        builder.HasIndex(r => r.FamilyName);
    }
}

internal sealed class AllocationConfiguration : IEntityTypeConfiguration<Allocation>
{
    public void Configure(EntityTypeBuilder<Allocation> builder)
    {
        builder.Property(a => a.FileReference).HasMaxLength(Allocation.FileReferenceMaxLength).IsRequired();
        builder.Property(a => a.LegalBasis).HasMaxLength(Allocation.LegalBasisMaxLength).IsRequired();
        builder.Property(a => a.IssuedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.IssuedByName).HasMaxLength(200).IsRequired();
        builder.Property(a => a.AcknowledgedByUserId).HasMaxLength(450);
        builder.Property(a => a.AcknowledgedByName).HasMaxLength(200);
        builder.Ignore(a => a.IsCurrent);
        builder.Ignore(a => a.IsAcknowledged);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(a => a.MunicipalityAgs).OnDelete(DeleteBehavior.Restrict);
    }
}
