using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NestPortal.Domain.Common;
using NestPortal.Domain.Households;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Programme;
using NestPortal.Domain.Sponsorships;

namespace NestPortal.Data.Configurations;

internal sealed class SponsorshipConfiguration : IEntityTypeConfiguration<Sponsorship>
{
    public void Configure(EntityTypeBuilder<Sponsorship> builder)
    {
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.RuleSetReason).HasMaxLength(Sponsorship.ReasonMaxLength);
        builder.Property(s => s.MatchedByName).HasMaxLength(200).IsRequired();
        builder.Property(s => s.ConcurrencyStamp).IsConcurrencyToken();
        builder.Ignore(s => s.LastRentMonth);
        builder.Ignore(s => s.Balance);
        builder.Ignore(s => s.Position);
        builder.Ignore(s => s.RentMonthList);
        builder.Property(s => s.EscrowBalance).HasPrecision(12, 2);
        builder.Property(s => s.EscrowShortfall).HasPrecision(12, 2);
        builder.Property(s => s.ContinuedSupportBy).HasMaxLength(Sponsorship.ContinuedSupportMaxLength);

        // Cascade only names the sponsorship as the entries' parent for the audit log: sponsorships
        // are never deleted, and triggers refuse deleting entries.
        builder.HasMany(s => s.Entries).WithOne().HasForeignKey(e => e.SponsorshipId).OnDelete(DeleteBehavior.Cascade);
        // Loaded with every sponsorship: its commands keep the stored balance and shortfall from the
        // entries, so a sponsorship loaded without them would store wrong figures. Lists project instead.
        builder.Navigation(s => s.Entries).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasMany(s => s.RentChanges).WithOne().HasForeignKey(c => c.SponsorshipId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.RentChanges).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();

        builder.HasOne<MentoringGroup>().WithMany().HasForeignKey(s => s.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Household>().WithMany().HasForeignKey(s => s.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProgrammeRuleSet>().WithMany().HasForeignKey(s => s.RuleSetId).OnDelete(DeleteBehavior.Restrict);

        // A household is matched once, ever: the database holds it even when two clerks save at the same
        // moment. How many sponsorships a group carries at once is a number of its rule set, judged on
        // dates, which no index can hold; the group's concurrency stamp (renewed by each match) guards that race.
        builder.HasIndex(s => s.HouseholdId).IsUnique();
        builder.HasIndex(s => s.GroupId);
        builder.HasIndex(s => s.RentEndsOn);
        // The rent run looks for running sponsorships only.
        builder.HasIndex(s => new { s.Status, s.Id });

        // The escrow list's order (running first, the soonest rent end first, no rent end last) as an index
        // can read it: the database computes the group (ADR 0035), so no write path can forget it and no
        // row needs a backfill. Plain CASE and unquoted names: the same expression on SQLite and SQL Server.
        // The index leads with the staging column that every query filters on (ImportStaging), so the page
        // and its total are both read from the index, not from the wide table.
        builder.Property<int>(EscrowListOrder.Column)
            .HasComputedColumnSql("CASE WHEN Status = 'Running' THEN 0 ELSE 2 END + CASE WHEN RentEndsOn IS NULL THEN 1 ELSE 0 END", stored: false);
        builder.Property<int?>(ImportStaging.Column);
        builder.HasIndex(ImportStaging.Column, EscrowListOrder.Column, nameof(Sponsorship.RentEndsOn), nameof(Sponsorship.Id));

        builder.OwnsOne(s => s.Apartment, flat =>
        {
            flat.Property(a => a.Street).HasMaxLength(Apartment.StreetMaxLength).IsRequired();
            flat.Property(a => a.PostalCode).HasMaxLength(5).IsRequired();
            flat.Property(a => a.City).HasMaxLength(Apartment.CityMaxLength).IsRequired();
            flat.Property(a => a.LivingSpaceSquareMetres).HasPrecision(7, 2);
            flat.Property(a => a.Rooms).HasPrecision(4, 1);
            flat.Property(a => a.MonthlyNetColdRent).HasPrecision(12, 2);
            flat.HasOne<Municipality>().WithMany().HasForeignKey(a => a.MunicipalityAgs).OnDelete(DeleteBehavior.Restrict);
            flat.Ignore(a => a.Address);
        });
        builder.Navigation(s => s.Apartment).IsRequired();

        builder.OwnsOne(s => s.EscrowAccount, account =>
        {
            account.Property(a => a.AccountHolder).HasMaxLength(EscrowAccount.HolderMaxLength).IsRequired();
            account.Property(a => a.Iban).HasConversion(iban => iban.Value, value => Iban.Parse(value)).HasMaxLength(34).IsUnicode(false);
            account.Property(a => a.BankName).HasMaxLength(EscrowAccount.BankMaxLength).IsRequired();
        });
        builder.Navigation(s => s.EscrowAccount).IsRequired();

        // The payee is optional: a sponsorship matched before payees were recorded has none until staff record it.
        builder.OwnsOne(s => s.Landlord, payee =>
        {
            payee.Property(p => p.Name).HasMaxLength(LandlordPayee.NameMaxLength);
            payee.Property(p => p.Iban).HasConversion(iban => iban.Value, value => Iban.Parse(value)).HasMaxLength(34).IsUnicode(false);
            payee.Property(p => p.Reference).HasMaxLength(LandlordPayee.ReferenceMaxLength);
        });
        builder.Property(s => s.TrusteeName).HasMaxLength(Sponsorship.TrusteeMaxLength);
        builder.Ignore(s => s.PaidByTrustee);
    }
}
