namespace NestPortal.Web.Authorization;

/// <summary>
/// What the portal itself checks about demo accounts. The accounts, their published password and the
/// data around them live in the development host (src/NestPortal.Development), never in this assembly;
/// the portal only has to recognise them, so that the second-factor relaxation can never reach a real
/// account or an environment other than Development and Testing.
/// </summary>
public static class DemoAccounts
{
    public const string Domain = "demo.nestportal.invalid";

    /// <summary>Demo accounts (published passwords) and their 2FA relaxation exist only here, never in Staging or Production.</summary>
    public static bool AllowedIn(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");

    public static bool IsDemoAccount(string? email) =>
        email is not null && email.EndsWith("@" + Domain, StringComparison.OrdinalIgnoreCase);
}

/// <summary>One demo account, as the login page lists it.</summary>
public sealed record DemoUser(string Email, string DisplayName, string Role, string? MunicipalityAgs);

/// <summary>
/// The demo accounts the login page lists, with their common password. Registered only by the
/// development host together with the demo data; the production host has none, so its login page lists
/// nothing.
/// </summary>
public sealed record DemoAccountListing(IReadOnlyList<DemoUser> Accounts, string Password);
