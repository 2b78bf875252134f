using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using NestPortal.Domain.MentoringGroups;

namespace NestPortal.Web.Authorization;

public static class GroupOperations
{
    /// <summary>A mentor edits, submits and reads their own group.</summary>
    public static readonly OperationAuthorizationRequirement Work = new() { Name = nameof(Work) };

    /// <summary>The competence centre reviews any group (all of NRW is theirs).</summary>
    public static readonly OperationAuthorizationRequirement Review = new() { Name = nameof(Review) };
}

/// <summary>
/// A mentor works only on a group they created or that lists them as a member; the competence centre
/// reviews any group. Pages answer 404 when this fails, so a guessed id reveals nothing, not even that
/// the group exists.
/// </summary>
public sealed class MentoringGroupAuthorizationHandler
    : AuthorizationHandler<OperationAuthorizationRequirement, MentoringGroup>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context,
        OperationAuthorizationRequirement requirement, MentoringGroup group)
    {
        var allowed = requirement.Name switch
        {
            nameof(GroupOperations.Work) => context.User.IsInRole(Roles.Mentor)
                                            && group.IsAccessibleTo(context.User.UserId(), context.User.Email()),
            nameof(GroupOperations.Review) => context.User.IsInRole(Roles.CompetenceCentre),
            _ => false,
        };
        if (allowed) context.Succeed(requirement);

        return Task.CompletedTask;
    }
}
