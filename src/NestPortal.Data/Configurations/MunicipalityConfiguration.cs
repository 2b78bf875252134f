using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NestPortal.Domain.Municipalities;

namespace NestPortal.Data.Configurations;

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> builder)
    {
        builder.HasKey(m => m.Ags);
        builder.Property(m => m.Name).HasMaxLength(200).IsRequired();
        builder.Property(m => m.Kind).HasMaxLength(50).IsRequired();
        builder.Property(m => m.District).HasMaxLength(200).IsRequired();
        builder.Property(m => m.AdministrativeRegion).HasMaxLength(100).IsRequired();
        builder.Property(m => m.Postcode).HasMaxLength(5).IsRequired();
        builder.Ignore(m => m.Label);
        builder.OwnsOne(m => m.AdministrationAddress, address =>
        {
            address.Property(a => a.Addressee).HasMaxLength(AdministrationAddress.AddresseeMaxLength);
            address.Property(a => a.Street).HasMaxLength(AdministrationAddress.StreetMaxLength).IsRequired();
            address.Property(a => a.Postcode).HasMaxLength(5).IsRequired();
            address.Property(a => a.City).HasMaxLength(AdministrationAddress.CityMaxLength).IsRequired();
        });
        builder.Property(m => m.FunctionalMailbox).HasMaxLength(Municipality.FunctionalMailboxMaxLength);
        builder.HasIndex(m => m.Name);
        builder.HasIndex(m => m.Postcode);
    }
}
