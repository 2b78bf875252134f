namespace NestPortal.Domain.Households;

/// <summary>Where a household is in the life of a sponsorship; kept on the household so lists can filter by it.</summary>
public enum HouseholdStatus
{
    /// <summary>Recorded, waiting for BAMF's match with a group.</summary>
    Recorded,

    /// <summary>Matched with a group and flat, waiting for the Zuweisungsentscheidung.</summary>
    Matched,

    /// <summary>Allocated to a municipality, nobody has arrived yet.</summary>
    Allocated,

    /// <summary>At least one person has arrived and is in the programme.</summary>
    Arrived,

    /// <summary>Every person has left the programme early.</summary>
    Left,
}

/// <summary>Sex as recorded in the admission decision.</summary>
public enum Sex
{
    Female,
    Male,
    Diverse,
    Unknown,
}

/// <summary>Why a refugee left the programme early (KA 5514 answer 4); details go in the free text.</summary>
public enum DepartureReason
{
    /// <summary>Moved to another place (Umzug).</summary>
    MovedAway,

    /// <summary>The family ended the mentoring at their own wish.</summary>
    OwnWish,

    /// <summary>The relationship with the group broke down.</summary>
    Conflict,

    /// <summary>Left Germany.</summary>
    LeftGermany,

    Deceased,
    Other,
}
