namespace NestPortal.Web.Authorization;

/// <summary>The portal's roles. Staff roles (all but Mentor) must sign in with a second factor.</summary>
public static class Roles
{
    public const string Mentor = "Mentor";
    public const string CompetenceCentre = "CompetenceCentre";
    public const string Municipality = "Municipality";
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All = [Mentor, CompetenceCentre, Municipality, Administrator];
    public static readonly IReadOnlyList<string> Staff = [CompetenceCentre, Municipality, Administrator];
}

public static class Policies
{
    public const string Mentor = "Mentor";
    public const string CompetenceCentre = "CompetenceCentre";
    public const string Municipality = "Municipality";
    public const string Administrator = "Administrator";

    /// <summary>The yearly report and its exports: competence-centre staff and administrators.</summary>
    public const string Reporting = "Reporting";

    /// <summary>The messages in the portal: every signed-in person, staff with their second factor.</summary>
    public const string Messages = "Messages";

    /// <summary>
    /// Documents of groups, sponsorships and households: any signed-in user, staff with a second factor; whether the
    /// record is theirs is decided by the pages (DocumentScope), which answer 404 otherwise (ADR 0024).
    /// </summary>
    public const string Documents = "Documents";
}

public static class PortalClaims
{
    public const string DisplayName = "nest:name";
    public const string MunicipalityAgs = "nest:ags";

    /// <summary>Identity marks a sign-in that passed a second factor with amr=mfa.</summary>
    public const string AuthenticationMethod = "amr";
    public const string MultiFactor = "mfa";
}
