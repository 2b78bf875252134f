namespace NestPortal.Web.Invitations;

/// <summary>Configuration section <c>Groups</c>: how long a member's invitation link works (ADR 0028).</summary>
public sealed class GroupsOptions
{
    public const string Section = "Groups";

    /// <summary>Days from its sending; a new invitation from the group's page starts the days again.</summary>
    public int InvitationValidDays { get; set; } = 14;

    public TimeSpan InvitationValidity => TimeSpan.FromDays(Math.Max(1, InvitationValidDays));
}
