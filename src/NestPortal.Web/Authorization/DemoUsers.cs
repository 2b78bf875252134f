namespace NestPortal.Web.Authorization;

/// <summary>One account per role, seeded in Development and listed on its login page.</summary>
public static class DemoUsers
{
    public const string Domain = "demo.nestportal.invalid";
    public const string Password = "Demo-Passwort-2026";

    public static readonly IReadOnlyList<DemoUser> All =
    [
        new($"mentorin@{Domain}", "Miriam Mentorin", Roles.Mentor, null),
        new($"kfi@{Domain}", "Karl Kompetenz (KfI)", Roles.CompetenceCentre, null),
        new($"kommune@{Domain}", "Katrin Kommune (Dortmund)", Roles.Municipality, "05913000"),
        new($"admin@{Domain}", "Anton Admin", Roles.Administrator, null),
    ];

    /// <summary>Demo accounts (published passwords) and their 2FA relaxation exist only here, never in Staging or Production.</summary>
    public static bool AllowedIn(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");

    public static bool IsDemoAccount(string? email) =>
        email is not null && email.EndsWith("@" + Domain, StringComparison.OrdinalIgnoreCase);
}

public sealed record DemoUser(string Email, string DisplayName, string Role, string? MunicipalityAgs);
