using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Data.Identity;
using NestPortal.Web.Authorization;

namespace NestPortal.Web.Tests.Infrastructure;

/// <summary>A mentor account a test made, with what it needs to sign in.</summary>
public sealed record TestMentor(string Id, string Email, string Password, string DisplayName);

/// <summary>
/// More mentors than the one demo mentor: created directly with the user manager, confirmed, in the
/// Mentor role, as if they had registered and clicked the link in their mail.
/// </summary>
public static class Mentors
{
    public const string Password = "Test-Passwort-fuer-Mentoren";

    public static async Task<TestMentor> CreateMentorAsync(this PortalFactory factory, string? email = null, string displayName = "Bernd Zweitmentor")
    {
        email ??= $"mentor-{Guid.NewGuid():N}@beispiel.invalid";
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            CreatedAtUtc = TestClock.UtcNow,
        };
        Check(await users.CreateAsync(user, Password), email);
        Check(await users.AddToRoleAsync(user, Roles.Mentor), email);
        return new TestMentor(user.Id, email, Password, displayName);
    }

    /// <summary>A new mentor (mentor B), signed in through the login page.</summary>
    public static async Task<(HttpClient Client, TestMentor Mentor)> SignedInAsNewMentorAsync(this PortalFactory factory, string? email = null)
    {
        var mentor = await factory.CreateMentorAsync(email);
        return (await factory.SignedInAsync(mentor.Email, mentor.Password), mentor);
    }

    /// <summary>The user id of the demo mentor (Miriam Mentorin), who owns "Willkommensteam Hörde".</summary>
    public static Task<string> DemoMentorIdAsync(this PortalFactory factory)
    {
        var email = DemoUsers.All.Single(u => u.Role == Roles.Mentor).Email;
        return factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Creating the mentor {email} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
