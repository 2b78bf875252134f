using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NestPortal.Data.Operations;

namespace NestPortal.Data.Configurations;

internal sealed class RentRunConfiguration : IEntityTypeConfiguration<RentRun>
{
    public void Configure(EntityTypeBuilder<RentRun> builder)
    {
        builder.Property(r => r.StartedBy).HasMaxLength(200).IsRequired();
        builder.Property(r => r.AmountPaid).HasPrecision(14, 2);
        builder.Property(r => r.AmountRefunded).HasPrecision(14, 2);
        builder.Property(r => r.FailureReport).HasMaxLength(RentRun.ReportMaxLength);
        builder.Ignore(r => r.IsFinished);
        builder.HasIndex(r => r.StartedAtUtc);
    }
}

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> builder)
    {
        builder.ToTable("OutgoingMails");
        builder.Property(m => m.To).HasMaxLength(OutgoingMail.AddressMaxLength).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(OutgoingMail.SubjectMaxLength).IsRequired();
        builder.Property(m => m.HtmlBody).IsRequired();
        builder.Property(m => m.TextBody).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.Property(m => m.EventKey).HasMaxLength(OutgoingMail.EventKeyMaxLength);
        builder.Property(m => m.LeaseOwner).HasMaxLength(OutgoingMail.LeaseOwnerMaxLength);
        builder.HasIndex(m => new { m.SentAtUtc, m.NextAttemptAtUtc });
        // Unique per event and address: a second trigger of the same event cannot queue a second mail.
        // Mails without an event (NULL) are not constrained (both providers treat NULLs as distinct here).
        builder.HasIndex(m => new { m.EventKey, m.To }).IsUnique();
    }
}

internal sealed class PortalMessageConfiguration : IEntityTypeConfiguration<Notifications.PortalMessage>
{
    public void Configure(EntityTypeBuilder<Notifications.PortalMessage> builder)
    {
        builder.ToTable("PortalMessages");
        builder.Property(m => m.RecipientKey).HasMaxLength(Notifications.PortalMessage.RecipientMaxLength).IsRequired();
        builder.Property(m => m.EventKey).HasMaxLength(Notifications.PortalMessage.EventKeyMaxLength).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(Notifications.PortalMessage.SubjectMaxLength).IsRequired();
        builder.Property(m => m.Text).IsRequired();
        builder.Property(m => m.LinkPath).HasMaxLength(Notifications.PortalMessage.LinkMaxLength);
        builder.Property(m => m.LinkLabel).HasMaxLength(Notifications.PortalMessage.SubjectMaxLength);
        builder.Ignore(m => m.IsRead);
        builder.HasIndex(m => new { m.RecipientKey, m.EventKey }).IsUnique();
        // The header's unread count and the list: newest first per recipient.
        builder.HasIndex(m => new { m.RecipientKey, m.ReadAtUtc, m.CreatedAtUtc });
    }
}

internal sealed class JobExecutionConfiguration : IEntityTypeConfiguration<JobExecution>
{
    public void Configure(EntityTypeBuilder<JobExecution> builder)
    {
        builder.ToTable("JobExecutions");
        builder.Property(e => e.JobName).HasMaxLength(JobExecution.NameMaxLength).IsRequired();
        builder.Property(e => e.TriggerName).HasMaxLength(JobExecution.NameMaxLength).IsRequired();
        builder.Property(e => e.FireInstanceId).HasMaxLength(JobExecution.FireIdMaxLength).IsRequired();
        builder.Property(e => e.InstanceId).HasMaxLength(JobExecution.InstanceMaxLength).IsRequired();
        builder.Property(e => e.ErrorMessage).HasMaxLength(JobExecution.MessageMaxLength);
        builder.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(20);
        // One row per firing: a second listener write for the same firing would be a bug, and the database says so.
        builder.HasIndex(e => e.FireInstanceId).IsUnique();
        // The page lists the latest executions, overall and per job.
        builder.HasIndex(e => new { e.JobName, e.StartedAtUtc });
        builder.HasIndex(e => e.StartedAtUtc);
    }
}

internal sealed class DataImportConfiguration : IEntityTypeConfiguration<DataImport>
{
    public void Configure(EntityTypeBuilder<DataImport> builder)
    {
        builder.Property(i => i.FileName).HasMaxLength(DataImport.FileNameMaxLength).IsRequired();
        builder.Property(i => i.FileSha256).HasMaxLength(64).IsRequired();
        builder.Property(i => i.StartedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(i => i.StartedByName).HasMaxLength(200).IsRequired();
        builder.Property(i => i.CommittedByName).HasMaxLength(200);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.ConcurrencyStamp).IsConcurrencyToken();
        builder.Ignore(i => i.AuditName);
        builder.HasIndex(i => i.StartedAtUtc);
        builder.HasIndex(i => i.FileSha256);
        builder.HasOne<DataImportFile>().WithOne().HasForeignKey<DataImportFile>(f => f.DataImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DataImportFileConfiguration : IEntityTypeConfiguration<DataImportFile>
{
    public void Configure(EntityTypeBuilder<DataImportFile> builder)
    {
        builder.ToTable("DataImportFiles");
        builder.HasKey(f => f.DataImportId);
        builder.Property(f => f.DataImportId).ValueGeneratedNever();
        builder.Property(f => f.Content).IsRequired();
    }
}

internal sealed class ImportedRecordConfiguration : IEntityTypeConfiguration<ImportedRecord>
{
    public void Configure(EntityTypeBuilder<ImportedRecord> builder)
    {
        builder.Property(r => r.Kind).HasMaxLength(ImportedRecord.KindMaxLength).IsRequired();
        builder.Property(r => r.ExternalReference).HasMaxLength(ImportedRecord.ReferenceMaxLength).IsRequired();
        builder.HasIndex(r => new { r.Kind, r.ExternalReference }).IsUnique();
        builder.HasIndex(r => r.DataImportId);
        builder.HasOne<DataImport>().WithMany().HasForeignKey(r => r.DataImportId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DatabaseHeartbeatConfiguration : IEntityTypeConfiguration<DatabaseHeartbeat>
{
    public void Configure(EntityTypeBuilder<DatabaseHeartbeat> builder)
    {
        builder.ToTable("DatabaseHeartbeats");
        builder.HasKey(h => h.Instance);
        builder.Property(h => h.Instance).HasMaxLength(DatabaseHeartbeat.InstanceMaxLength);
    }
}
