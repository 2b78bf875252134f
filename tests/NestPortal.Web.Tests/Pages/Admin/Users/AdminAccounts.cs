using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Data;
using NestPortal.Data.Auditing;
using NestPortal.Data.Identity;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Admin.Users;

/// <summary>Accounts as the tests of the account pages need them, and what those pages saved about them.</summary>
public static class AdminAccounts
{
    public const string WrongPassword = "E-Mail-Adresse oder Passwort ist falsch.";

    public static string Page(string page, string id) => $"/Admin/Users/{page}?id={Uri.EscapeDataString(id)}";

    /// <summary>A confirmed account with a password in <paramref name="role"/>; its id and address.</summary>
    public static async Task<(string Id, string Email)> NewAccountAsync(this PortalFactory factory, string role, string? ags = null)
    {
        var email = await factory.CreateUserAsync(role, ags);
        return (await factory.UserIdAsync(email), email);
    }

    /// <summary>An invited staff account that has not set its password yet.</summary>
    public static async Task<(string Id, string Email)> InvitedAccountAsync(this PortalFactory factory, string role = Roles.CompetenceCentre)
    {
        var email = Accounts.NewEmail("eingeladen");
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, DisplayName = "Ines Eingeladen", CreatedAtUtc = TestClock.UtcNow };
        (await users.CreateAsync(user)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        return (user.Id, email);
    }

    public static Task<string> UserIdAsync(this PortalFactory factory, string email) =>
        factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static Task<string> DemoUserIdAsync(this PortalFactory factory, string role) =>
        factory.UserIdAsync(DemoUsers.All.Single(u => u.Role == role).Email);

    public static Task<PortalUser?> AccountAsync(this PortalFactory factory, string id) =>
        factory.QueryAsync(db => db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id));

    public static async Task<string> StampAsync(this PortalFactory factory, string id) =>
        (await factory.AccountAsync(id)).ShouldNotBeNull().SecurityStamp!;

    public static Task<List<string?>> RolesOfAsync(this PortalFactory factory, string id) =>
        factory.QueryAsync(db => (from ur in db.UserRoles
                                  join r in db.Roles on ur.RoleId equals r.Id
                                  where ur.UserId == id
                                  select r.Name).ToListAsync());

    /// <summary>The audit entries about the account, oldest first.</summary>
    public static Task<List<AuditEntry>> AccountEntriesAsync(this PortalFactory factory, string id) =>
        factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == NestPortalDbContext.AccountEntityType && a.EntityId == id).OrderBy(a => a.Id).ToListAsync());

    public static List<FieldChange> ChangesOf(AuditEntry entry) =>
        entry.Changes is null ? [] : JsonSerializer.Deserialize<List<FieldChange>>(entry.Changes)!;

    /// <summary>An authenticator and ten recovery codes, as after an enrolment; returns the codes.</summary>
    public static async Task<IReadOnlyList<string>> EnrolSecondFactorAsync(this PortalFactory factory, string id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByIdAsync(id)).ShouldNotBeNull();
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
    }

    /// <summary>Signs in with a password and reads what the login page answers when it does not let the person in.</summary>
    public static async Task<IReadOnlyList<string>> RefusedSignInAsync(this PortalFactory factory, string email, string password = Accounts.Password)
    {
        var client = factory.CreateBrowserLikeClient();
        var response = await client.PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"signing in {email} was not refused");
        return (await response.ReadHtmlAsync()).Errors();
    }

    /// <summary>
    /// A signed-in caller of another role posting the page's form with a valid token: refused as the
    /// access table says (403, or the login for the anonymous), before the page looks at anything.
    /// </summary>
    public static async Task<HttpResponseMessage> PostAsAsync(this PortalFactory factory, string? role, string url, IDictionary<string, string> fields)
    {
        var client = role is null ? factory.CreateBrowserLikeClient() : await factory.SignedInAsAsync(role);
        return await client.PostWithTokenAsync(url, fields);
    }

    /// <summary>Deactivates (or reactivates) every administrator but <paramref name="except"/>; returns whom it changed.</summary>
    public static Task<List<string>> SetOtherAdministratorsDeactivatedAsync(this PortalFactory factory, string except, bool deactivated, IReadOnlyCollection<string>? only = null) =>
        factory.QueryAsync(async db =>
        {
            var admins = await (from ur in db.UserRoles
                                join r in db.Roles on ur.RoleId equals r.Id
                                join u in db.Users on ur.UserId equals u.Id
                                where r.Name == Roles.Administrator && u.Id != except && (u.DeactivatedAtUtc == null) == deactivated
                                select u).ToListAsync();
            if (only is not null) admins = admins.Where(a => only.Contains(a.Id)).ToList();
            foreach (var admin in admins) admin.DeactivatedAtUtc = deactivated ? TestClock.UtcNow : null;
            await db.SaveChangesAsync();
            return admins.Select(a => a.Id).ToList();
        });
}
