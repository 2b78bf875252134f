using NestPortal.Web.Authorization;

namespace NestPortal.Development.DemoData;

/// <summary>One account per role, seeded with the demo data and listed on the login page.</summary>
public static class DemoUsers
{
    public const string Password = "Demo-Passwort-2026";

    public static readonly IReadOnlyList<DemoUser> All =
    [
        new($"mentorin@{DemoAccounts.Domain}", "Miriam Mentorin", Roles.Mentor, null),
        new($"kfi@{DemoAccounts.Domain}", "Karl Kompetenz (KfI)", Roles.CompetenceCentre, null),
        new($"kommune@{DemoAccounts.Domain}", "Katrin Kommune (Dortmund)", Roles.Municipality, "05913000"),
        new($"admin@{DemoAccounts.Domain}", "Anton Admin", Roles.Administrator, null),
    ];

    /// <summary>What the login page shows of them.</summary>
    public static readonly DemoAccountListing Listing = new(All, Password);
}
