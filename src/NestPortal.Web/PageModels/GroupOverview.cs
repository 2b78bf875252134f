using NestPortal.Domain.Common;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Programme;

namespace NestPortal.Web.PageModels;

/// <summary>What the group page shows to mentors and to the competence centre alike.</summary>
/// <param name="RuleSet">The rule set the group was submitted under (null before submission).</param>
/// <param name="MemberActions">Whether the viewer works on the group's members (mentors); the partial offers only what the group's state allows.</param>
/// <param name="ContinuedSupportBy">Who carries on the support after the group dissolved, as staff recorded it on the sponsorship.</param>
/// <param name="AccessRequests">Whether the viewer answers members' access requests (the competence centre): a link per member.</param>
public sealed record GroupOverview(MentoringGroup Group, string MunicipalityLabel, ProgrammeRuleSet? RuleSet, bool MemberActions,
    string? ContinuedSupportBy = null, bool AccessRequests = false)
{
    public string? RuleSetName => RuleSet?.Name;

    /// <summary>Too few active members or main contacts after departures; shown until a replacement is recorded.</summary>
    public IReadOnlyList<DomainError> Warnings => RuleSet is null ? [] : Group.StaffingWarnings(RuleSet);

    /// <summary>A mentor may name a new main contact: the group is approved and has fewer than the rules require.</summary>
    public bool CanAppointMainContact => MemberActions && RuleSet is not null && Group.Status == GroupStatus.Approved
                                         && Group.ActiveMainContactCount < RuleSet.RequiredMainContacts;
}
