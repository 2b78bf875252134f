using NestPortal.Domain.MentoringGroups;

namespace NestPortal.Web.Pages;

/// <summary>What the group page shows to mentors and to the competence centre alike.</summary>
public sealed record GroupOverview(MentoringGroup Group, string MunicipalityLabel, string? RuleSetName, bool MemberActions);
