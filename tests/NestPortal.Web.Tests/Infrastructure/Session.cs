using System.Net;
using NestPortal.Web.Authorization;

namespace NestPortal.Web.Tests.Infrastructure;

/// <summary>Signs people in through the real login page.</summary>
public static class Session
{
    public static async Task<HttpClient> SignedInAsync(this PortalFactory factory, string email, string password = DemoUsers.Password)
    {
        var client = factory.CreateBrowserLikeClient();
        var response = await client.PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"signing in {email} failed: {string.Join("; ", (await response.ReadHtmlAsync()).Errors())}");
        return client;
    }

    public static Task<HttpClient> SignedInAsAsync(this PortalFactory factory, string role) =>
        factory.SignedInAsync(DemoUsers.All.Single(u => u.Role == role).Email);
}
