using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Data.Identity;
using NestPortal.Domain.Municipalities;

namespace NestPortal.Web.Tests.Infrastructure;

/// <summary>Fresh accounts for tests that change an account (lockout, new password, second factor).</summary>
public static class Accounts
{
    public const string Password = "Ein-langes-Test-Passwort-2026";

    /// <summary>An address no other test uses, outside the demo domain (so no relaxation applies).</summary>
    public static string NewEmail(string prefix = "person") => $"{prefix}-{Guid.NewGuid():N}@tests.nestportal.invalid";

    /// <summary>Creates a confirmed account with the role, as if it had been registered or invited earlier.</summary>
    public static async Task<string> CreateUserAsync(this PortalFactory factory, string role, string? municipalityAgs = null,
        string password = Password)
    {
        var email = NewEmail(role.ToLowerInvariant());
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = $"Test {role}",
            MunicipalityAgs = municipalityAgs is null ? null : Ags.Parse(municipalityAgs),
            CreatedAtUtc = TestClock.UtcNow,
        };
        var created = await users.CreateAsync(user, password);
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        return email;
    }

    /// <summary>Signs out with the "Abmelden" button of the page layout.</summary>
    public static async Task SignOutAsync(this HttpClient client)
    {
        var response = await client.PostLayoutFormAsync("/Datenquellen", "/Account/Logout", new Dictionary<string, string>());
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    /// <summary>
    /// Posts a form of the page layout (header or footer, which <see cref="FormClient.PostFormAsync"/> does not
    /// look at), identified by its exact action, with its hidden fields plus <paramref name="fields"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> PostLayoutFormAsync(this HttpClient client, string pageUrl, string action,
        IDictionary<string, string> fields)
    {
        var page = await client.GetPageAsync(pageUrl);
        var form = page.QuerySelectorAll("form").OfType<IHtmlFormElement>()
                       .FirstOrDefault(f => f.GetAttribute("action") == action)
                   ?? throw new InvalidOperationException($"No form with action {action} on {pageUrl}.");
        var values = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name))
            .GroupBy(i => i.Name!).ToDictionary(g => g.Key, g => g.First().Value);
        foreach (var (key, value) in fields) values[key] = value;
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>The antiforgery token a page gives this client, for posting to a page the client cannot open.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client)
    {
        var page = await client.GetPageAsync("/Datenquellen");
        return (page.QuerySelector("input[name='__RequestVerificationToken']") as IHtmlInputElement)?.Value
               ?? throw new InvalidOperationException("No antiforgery token on the page.");
    }

    /// <summary>Follows redirects as a browser would and returns the path it ends on and the last response.</summary>
    public static async Task<(string Path, HttpResponseMessage Response)> FollowRedirectsAsync(this HttpClient client,
        HttpResponseMessage response, int limit = 6)
    {
        var path = response.RequestMessage?.RequestUri?.PathAndQuery ?? "/";
        for (var i = 0; i < limit && (int)response.StatusCode is >= 300 and < 400; i++)
        {
            path = LocalPath(response.Location());
            response = await client.GetAsync(path);
        }

        return (path, response);
    }

    /// <summary>A redirect target as a local path and query, whether the header was absolute or relative.</summary>
    public static string LocalPath(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute.PathAndQuery
            : location;
}
