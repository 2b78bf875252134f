using Microsoft.AspNetCore.Identity;
using NestPortal.Data.Identity;
using NestPortal.Domain.Municipalities;
using NestPortal.Web.Authorization;

namespace NestPortal.Web.Startup;

public sealed class IdentitySeeder(
    UserManager<PortalUser> users, RoleManager<IdentityRole> roles, TimeProvider time, ILogger<IdentitySeeder> logger)
{
    public async Task SeedRolesAndFirstAdministratorAsync(IConfiguration configuration, IHostEnvironment environment)
    {
        foreach (var role in Roles.All.Where(role => !roles.RoleExistsAsync(role).GetAwaiter().GetResult()))
            Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");

        var email = configuration["Bootstrap:AdminEmail"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password)) return;
        if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0) return;

        await CreateConfirmedUserAsync(email, "Administrator", Roles.Administrator, null, password);
        logger.LogInformation("First administrator created from configuration");
    }

    /// <summary>A signed-up, confirmed account in one role: the first administrator, or a host's seeded accounts.</summary>
    public async Task CreateConfirmedUserAsync(string email, string displayName, string role, string? municipalityAgs, string password)
    {
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            MunicipalityAgs = municipalityAgs is null ? null : Ags.Parse(municipalityAgs),
            CreatedAtUtc = time.UtcNow(),
        };
        Check(await users.CreateAsync(user, password), $"user for role {role}");
        Check(await users.AddToRoleAsync(user, role), $"role {role}");
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
