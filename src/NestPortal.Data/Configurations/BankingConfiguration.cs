using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NestPortal.Domain.Banking;
using NestPortal.Domain.Sponsorships;

namespace NestPortal.Data.Configurations;

internal sealed class BankStatementConfiguration : IEntityTypeConfiguration<BankStatement>
{
    public void Configure(EntityTypeBuilder<BankStatement> builder)
    {
        builder.ToTable("BankStatements");
        builder.Property(s => s.Iban).HasMaxLength(34).IsUnicode(false);
        builder.Property(s => s.StatementId).HasMaxLength(BankStatement.StatementIdMaxLength);
        builder.Property(s => s.MessageType).HasMaxLength(20).IsUnicode(false);
        builder.Property(s => s.OpeningBalance).HasPrecision(14, 2);
        builder.Property(s => s.ClosingBalance).HasPrecision(14, 2);
        builder.Property(s => s.FileName).HasMaxLength(BankStatement.FileNameMaxLength);
        builder.Property(s => s.UploadedByName).HasMaxLength(200).IsRequired();
        builder.HasOne<Sponsorship>().WithMany().HasForeignKey(s => s.SponsorshipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Entries).WithOne().HasForeignKey(e => e.BankStatementId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(s => s.Entries).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(s => new { s.SponsorshipId, s.ClosingDate });
    }
}

internal sealed class BankEntryConfiguration : IEntityTypeConfiguration<BankEntry>
{
    public void Configure(EntityTypeBuilder<BankEntry> builder)
    {
        builder.ToTable("BankEntries");
        builder.Property(e => e.EntryKey).HasMaxLength(BankEntry.KeyMaxLength);
        builder.Property(e => e.Amount).HasPrecision(14, 2);
        builder.Property(e => e.CounterpartyName).HasMaxLength(BankEntry.NameMaxLength);
        builder.Property(e => e.CounterpartyIban).HasMaxLength(34).IsUnicode(false);
        builder.Property(e => e.Reference).HasMaxLength(BankEntry.ReferenceMaxLength);
        builder.Property(e => e.EndToEndId).HasMaxLength(BankEntry.EndToEndIdMaxLength);
        builder.Ignore(e => e.IsDebit);
        builder.HasOne<Sponsorship>().WithMany().HasForeignKey(e => e.SponsorshipId).OnDelete(DeleteBehavior.Restrict);
        // One booking is stored once per account however many statements show it (ADR 0025): an
        // overlapping upload, or two uploads at once, cannot add it twice.
        builder.HasIndex(e => new { e.SponsorshipId, e.EntryKey }).IsUnique();
    }
}

internal sealed class BankMatchConfiguration : IEntityTypeConfiguration<BankMatch>
{
    public void Configure(EntityTypeBuilder<BankMatch> builder)
    {
        builder.ToTable("BankMatches");
        builder.Property(m => m.RecordedByName).HasMaxLength(200).IsRequired();
        builder.HasOne<Sponsorship>().WithMany().HasForeignKey(m => m.SponsorshipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BankEntry>().WithMany().HasForeignKey(m => m.BankEntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EscrowEntry>().WithMany().HasForeignKey(m => m.EscrowEntryId).OnDelete(DeleteBehavior.Restrict);
        // A bank entry confirms one ledger entry. (A ledger entry may have several matches over time: one per
        // debit the bank made and reversed; which stand is derived.)
        builder.HasIndex(m => m.BankEntryId).IsUnique();
        builder.HasIndex(m => m.SponsorshipId);
    }
}

internal sealed class BankWaiverConfiguration : IEntityTypeConfiguration<BankWaiver>
{
    public void Configure(EntityTypeBuilder<BankWaiver> builder)
    {
        builder.ToTable("BankWaivers");
        builder.Property(w => w.Reason).HasMaxLength(BankWaiver.ReasonMaxLength).IsRequired();
        builder.Property(w => w.RecordedByName).HasMaxLength(200).IsRequired();
        builder.HasOne<Sponsorship>().WithMany().HasForeignKey(w => w.SponsorshipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BankEntry>().WithMany().HasForeignKey(w => w.BankEntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EscrowEntry>().WithMany().HasForeignKey(w => w.EscrowEntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(w => w.EscrowEntryId).IsUnique().HasFilter("[EscrowEntryId] IS NOT NULL");
        builder.HasIndex(w => w.BankEntryId).IsUnique().HasFilter("[BankEntryId] IS NOT NULL");
        builder.HasIndex(w => w.SponsorshipId);
    }
}
