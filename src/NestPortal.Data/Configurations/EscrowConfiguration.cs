using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NestPortal.Domain.Sponsorships;

namespace NestPortal.Data.Configurations;

internal sealed class EscrowEntryConfiguration : IEntityTypeConfiguration<EscrowEntry>
{
    public void Configure(EntityTypeBuilder<EscrowEntry> builder)
    {
        builder.ToTable("EscrowEntries");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Amount).HasPrecision(12, 2);
        builder.Property(e => e.Reference).HasMaxLength(EscrowEntry.ReferenceMaxLength).IsRequired();
        builder.Property(e => e.RecordedByName).HasMaxLength(200).IsRequired();

        // The database holds the ledger's rules even against two servers saving at once: a month is
        // paid once per account (the payment number counts re-payments after a correction), an entry
        // is corrected once, and a form's key books once. Square brackets quote in both providers.
        builder.HasIndex(e => new { e.SponsorshipId, e.RentMonth, e.RentPaymentNumber }).IsUnique()
            .HasFilter("[RentMonth] IS NOT NULL").HasDatabaseName("IX_EscrowEntries_RentMonth");
        builder.HasOne(e => e.CorrectedEntry).WithMany().HasForeignKey(e => e.CorrectsEntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.CorrectsEntryId).IsUnique().HasFilter("[CorrectsEntryId] IS NOT NULL");
        builder.HasIndex(e => e.IdempotencyKey).IsUnique().HasFilter("[IdempotencyKey] IS NOT NULL");
        builder.HasIndex(e => new { e.SponsorshipId, e.Id });
    }
}

internal sealed class RentChangeConfiguration : IEntityTypeConfiguration<RentChange>
{
    public void Configure(EntityTypeBuilder<RentChange> builder)
    {
        builder.ToTable("RentChanges");
        builder.Property(c => c.MonthlyNetColdRent).HasPrecision(12, 2);
        builder.Property(c => c.RecordedByName).HasMaxLength(200).IsRequired();
    }
}
