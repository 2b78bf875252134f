using NestPortal.Domain.Programme;

namespace NestPortal.Web.PageModels;

/// <summary>The rules a group is checked against today, and whether the programme has ended (the group pages' notice).</summary>
/// <param name="InForce">The rule set in force today, null on a day without rules.</param>
/// <param name="ProgrammeEnd">The programme's last day, null while it is open-ended.</param>
public sealed record RulesToday(ProgrammeRuleSet? InForce, DateOnly? ProgrammeEnd, DateOnly Today)
{
    /// <summary>The programme's last day once today lies after it; then the pages name it instead of a day without rules.</summary>
    public DateOnly? EndedOn => ProgrammeEnd is { } end && Today > end ? end : null;
}
