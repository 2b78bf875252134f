using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data.Configurations;
using NestPortal.Data.Identity;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Programme;

namespace NestPortal.Data;

/// <summary>The one unit of work of the portal: domain aggregates, Identity and data-protection keys.</summary>
public sealed class NestPortalDbContext(DbContextOptions<NestPortalDbContext> options)
    : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<ProgrammeRuleSet> RuleSets => Set<ProgrammeRuleSet>();
    public DbSet<MentoringGroup> MentoringGroups => Set<MentoringGroup>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(NestPortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Ags>().HaveConversion<AgsConverter>().HaveMaxLength(8).AreUnicode(false);
    }
}
