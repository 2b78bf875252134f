using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using System.Text;
using NestPortal.Data.Identity;

namespace NestPortal.Web.Pages.Account;

/// <summary>The links the portal mails: confirm an email, set a password (invitation and reset).</summary>
public static class AccountLinks
{
    public static async Task<string> ConfirmEmailAsync(UserManager<PortalUser> users, PortalUser user, IUrlHelper url, string scheme)
    {
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        return url.Page("/Account/ConfirmEmail", null, new { userId = user.Id, code }, scheme)!;
    }

    public static async Task<string> SetPasswordAsync(UserManager<PortalUser> users, PortalUser user, IUrlHelper url, string scheme)
    {
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        return url.Page("/Account/SetPassword", null, new { userId = user.Id, code }, scheme)!;
    }

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
