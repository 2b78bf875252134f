using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Municipalities;
using NestPortal.Domain.Programme;

namespace NestPortal.Data.Configurations;

internal sealed class MentoringGroupConfiguration : IEntityTypeConfiguration<MentoringGroup>
{
    public void Configure(EntityTypeBuilder<MentoringGroup> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(MentoringGroup.NameMaxLength).IsRequired();
        builder.Property(g => g.SupportPlan).HasMaxLength(MentoringGroup.SupportPlanMaxLength);
        builder.Property(g => g.ReviewRemarks).HasMaxLength(4000);
        builder.Property(g => g.CreatedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(g => g.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(g => g.SecurityCheckResult).HasConversion<string>().HasMaxLength(20);
        builder.Property(g => g.ConcurrencyStamp).IsConcurrencyToken();
        builder.Property(g => g.DissolutionReason).HasMaxLength(MentoringGroup.ReasonMaxLength);
        builder.Ignore(g => g.ActiveMembers);
        builder.Ignore(g => g.ActiveMainContactCount);
        builder.Ignore(g => g.IsEditableByGroup);
        builder.Ignore(g => g.MainContactCount);
        builder.Ignore(g => g.UnconfirmedMembers);

        builder.HasOne<Municipality>().WithMany().HasForeignKey(g => g.HomeMunicipalityAgs).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProgrammeRuleSet>().WithMany().HasForeignKey(g => g.RuleSetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => new { g.Status, g.SubmittedOn });
        builder.HasIndex(g => g.CreatedByUserId);

        // Required: a member removed from the group is deleted, not left behind with a null group
        // (EF only nulls an optional foreign key), so no personal data outlives its group membership.
        builder.HasMany(g => g.Members).WithOne().HasForeignKey("GroupId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(g => g.History).WithOne().HasForeignKey("GroupId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.History).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class MentorConfiguration : IEntityTypeConfiguration<Mentor>
{
    public void Configure(EntityTypeBuilder<Mentor> builder)
    {
        builder.ToTable("Mentors");
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.GivenName).HasMaxLength(100);
        builder.Property(m => m.FamilyName).HasMaxLength(100);
        builder.Property(m => m.OrganisationName).HasMaxLength(200);
        builder.Property(m => m.RepresentativeName).HasMaxLength(200);
        builder.Property(m => m.Email).HasMaxLength(254).IsRequired();
        builder.Property(m => m.Phone).HasMaxLength(50);
        builder.Property(m => m.LeavingReason).HasMaxLength(MentoringGroup.ReasonMaxLength);
        builder.Ignore(m => m.HasLeft);
        builder.Ignore(m => m.IsActiveMainContact);
        builder.Ignore(m => m.DisplayName);
        // Lets a member who signs up find the group that lists their email.
        builder.HasIndex(m => m.Email);
        // SHA-256 in hex; the invitation link is found by it (the token itself is never stored, ADR 0028).
        builder.Property(m => m.InvitationTokenHash).HasMaxLength(64).IsUnicode(false);
        builder.HasIndex(m => m.InvitationTokenHash);
    }
}

internal sealed class GroupHistoryEntryConfiguration : IEntityTypeConfiguration<GroupHistoryEntry>
{
    public void Configure(EntityTypeBuilder<GroupHistoryEntry> builder)
    {
        builder.ToTable("GroupHistory");
        builder.Property(h => h.ActorUserId).HasMaxLength(450).IsRequired();
        builder.Property(h => h.ActorName).HasMaxLength(200).IsRequired();
        builder.Property(h => h.Action).HasConversion<string>().HasMaxLength(40);
        builder.Property(h => h.Details).HasMaxLength(4000);
    }
}
