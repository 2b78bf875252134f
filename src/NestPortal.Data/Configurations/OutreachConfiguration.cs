using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Outreach;

namespace NestPortal.Data.Configurations;

internal sealed class OutreachEventConfiguration : IEntityTypeConfiguration<OutreachEvent>
{
    public void Configure(EntityTypeBuilder<OutreachEvent> builder)
    {
        builder.ToTable("OutreachEvents");
        builder.Property(o => o.Title).HasMaxLength(OutreachEvent.TitleMaxLength).IsRequired();
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Note).HasMaxLength(OutreachEvent.NoteMaxLength);
        builder.Property(o => o.RecordedByName).HasMaxLength(200).IsRequired();
        builder.Property(o => o.ConcurrencyStamp).IsConcurrencyToken();
        builder.Ignore(o => o.InvitedCount);
        builder.Ignore(o => o.InformedCount);
        builder.HasMany(o => o.Municipalities).WithOne().HasForeignKey(m => m.OutreachEventId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Municipalities).AutoInclude();
        builder.HasIndex(o => o.HeldOn);
    }
}

internal sealed class OutreachMunicipalityConfiguration : IEntityTypeConfiguration<OutreachMunicipality>
{
    public void Configure(EntityTypeBuilder<OutreachMunicipality> builder)
    {
        builder.ToTable("OutreachMunicipalities");
        builder.HasOne<Municipality>().WithMany().HasForeignKey(m => m.MunicipalityAgs).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.OutreachEventId, m.MunicipalityAgs }).IsUnique();
        builder.HasIndex(m => m.MunicipalityAgs);
    }
}
