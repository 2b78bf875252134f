using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NestPortal.Domain.Programme;

namespace NestPortal.Data.Configurations;

internal sealed class ProgrammeRuleSetConfiguration : IEntityTypeConfiguration<ProgrammeRuleSet>
{
    public void Configure(EntityTypeBuilder<ProgrammeRuleSet> builder)
    {
        builder.ToTable("RuleSets");
        builder.Property(r => r.Code).HasMaxLength(ProgrammeRuleSet.CodeMaxLength).IsRequired();
        builder.HasIndex(r => r.Code).IsUnique();
        builder.Property(r => r.Name).HasMaxLength(ProgrammeRuleSet.NameMaxLength).IsRequired();
        builder.Property(r => r.TrainingRequirement).HasMaxLength(ProgrammeRuleSet.TrainingMaxLength).IsRequired();
    }
}
