using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NestPortal.Data.Identity;
using NestPortal.Domain.Municipalities;

namespace NestPortal.Data.Configurations;

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
        builder.Property(u => u.PreferredCulture).HasMaxLength(10);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(u => u.MunicipalityAgs).OnDelete(DeleteBehavior.Restrict);
    }
}
