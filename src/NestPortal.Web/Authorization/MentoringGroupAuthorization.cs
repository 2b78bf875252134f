using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using NestPortal.Domain.MentoringGroups;

namespace NestPortal.Web.Authorization;

public static class GroupOperations
{
    public static readonly OperationAuthorizationRequirement Work = new() { Name = nameof(Work) };
}

/// <summary>
/// A mentor works only on a group they created or that lists them as a member. Pages answer 404 when
/// this fails, so a guessed id reveals nothing, not even that the group exists.
/// </summary>
public sealed class MentoringGroupAuthorizationHandler
    : AuthorizationHandler<OperationAuthorizationRequirement, MentoringGroup>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context,
        OperationAuthorizationRequirement requirement, MentoringGroup group)
    {
        if (requirement.Name == GroupOperations.Work.Name
            && context.User.IsInRole(Roles.Mentor)
            && group.IsAccessibleTo(context.User.UserId(), context.User.Email()))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
