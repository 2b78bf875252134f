namespace NestPortal.Domain.MentoringGroups;

/// <summary>
/// Whose statement a member's details are when they join the group. The competence centre relies on each
/// member's own statement, so details typed by someone else wait for the member's confirmation (ADR 0028).
/// </summary>
public enum MemberStatement
{
    /// <summary>Typed by another member of the group: the person confirms them through their invitation.</summary>
    ByGroup,

    /// <summary>The person's own: they add or change their own entry, signed in with its address.</summary>
    Own,

    /// <summary>Taken over from records kept before the portal (the import, seeded data): counted as confirmed.</summary>
    FromRecords,
}
