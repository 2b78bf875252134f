namespace NestPortal.Domain.MentoringGroups;

public enum GroupStatus
{
    Draft = 0,
    Submitted = 1,
    Returned = 2,
    Approved = 3,

    /// <summary>The group has ended (Auflösung); a running sponsorship's rent continues from the account.</summary>
    Dissolved = 4,
}

public enum MemberKind
{
    NaturalPerson = 0,
    LegalPerson = 1,
}

public enum SecurityCheckResult
{
    Passed = 0,
    Failed = 1,
}

public enum GroupAction
{
    Created = 0,
    DetailsChanged = 1,
    MemberAdded = 2,
    MemberChanged = 3,
    MemberRemoved = 4,
    Submitted = 5,
    SecurityCheckRecorded = 6,
    Approved = 7,
    Returned = 8,
    MemberLeft = 9,
    MainContactAppointed = 10,
    Dissolved = 11,

    /// <summary>The members of a returned group changed, so BAMF's check must be made again.</summary>
    SecurityCheckCleared = 12,

    /// <summary>An unconfirmed member was sent an invitation to confirm their details (again).</summary>
    MemberInvited = 13,

    /// <summary>The member confirmed (and perhaps corrected) their own details.</summary>
    MemberConfirmed = 14,
}
