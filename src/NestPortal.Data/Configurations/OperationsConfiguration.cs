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
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.HasIndex(m => new { m.SentAtUtc, m.NextAttemptAtUtc });
    }
}
