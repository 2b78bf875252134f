using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using System.Text;
using NestPortal.Data.Identity;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Account;

/// <summary>The links the portal mails: confirm an email, set a password (invitation and reset).</summary>
public static class AccountLinks
{
    public static async Task<string> ConfirmEmailAsync(UserManager<PortalUser> users, PortalUser user, IUrlHelper url, Uri baseUrl)
    {
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        return Absolute(baseUrl, url.Page("/Account/ConfirmEmail", new { userId = user.Id, code })!);
    }

    public static async Task<string> SetPasswordAsync(UserManager<PortalUser> users, PortalUser user, IUrlHelper url, Uri baseUrl)
    {
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        return Absolute(baseUrl, url.Page("/Account/SetPassword", new { userId = user.Id, code })!);
    }

    /// <summary>The link to the new address that makes it the account's address (and sign-in name).</summary>
    public static async Task<string> ConfirmEmailChangeAsync(UserManager<PortalUser> users, PortalUser user, string newEmail, IUrlHelper url, Uri baseUrl)
    {
        var code = Encode(await users.GenerateChangeEmailTokenAsync(user, newEmail));
        return Absolute(baseUrl, url.Page("/Account/ConfirmEmailChange", new { userId = user.Id, email = newEmail, code })!);
    }

    /// <summary>
    /// Where mailed links point: the configured public address, or (outside Production, where it may be
    /// unset) the request's own. A link carrying a password token must never follow a Host header.
    /// </summary>
    public static Uri BaseUrl(PortalOptions options, HttpRequest request, IHostEnvironment environment) =>
        options.PublicBaseUrl
        ?? (environment.IsProduction()
            ? throw new InvalidOperationException("Portal:PublicBaseUrl must be set in Production: mailed links are built from it.")
            : new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/"));

    private static string Absolute(Uri baseUrl, string relative) => new Uri(baseUrl, relative.TrimStart('/')).ToString();

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
}
