using System.Globalization;
using System.Security.Claims;
using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NestPortal.Data.Identity;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;
using QRCoder;

namespace NestPortal.Web.Pages.Account.Manage;

/// <summary>
/// Enrols a TOTP authenticator app (QR code and key), and shows the recovery codes once. Staff are sent
/// here until they have a second factor; after a correct code they are signed in again as "mfa".
/// </summary>
public sealed class TwoFactorModel(
    UserManager<PortalUser> users, SignInManager<PortalUser> signIn, IValidator<AuthenticatorCodeInput> validator,
    IStringLocalizer<SharedResource> l, Notifications.Notifier notifier, NestPortal.Data.NestPortalDbContext db, TimeProvider time,
    ILogger<TwoFactorModel> logger) : PageModel
{
    private const string Issuer = "NestPortal NRW";

    [BindProperty] public AuthenticatorCodeInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public bool IsEnabled { get; private set; }
    public bool SignedInWithSecondFactor { get; private set; }
    public bool IsStaff { get; private set; }
    public string SharedKey { get; private set; } = string.Empty;
    public string QrCodeDataUrl { get; private set; } = string.Empty;
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        // Enrolment is for accounts without a second factor; with one, this form would let a session that
        // skipped it earn amr=mfa by guessing codes.
        if (await users.GetTwoFactorEnabledAsync(user)) return RedirectToPage(new { ReturnUrl });
        if (!await validator.ValidateIntoAsync(Input, ModelState))
        {
            await LoadAsync(user);
            return Page();
        }

        if (await users.IsLockedOutAsync(user)) return RedirectToPage("/Account/Lockout");
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Input.Digits))
        {
            await users.AccessFailedAsync(user);
            ModelState.AddModelError("Input.Code", l["Der Code ist falsch oder abgelaufen. Geben Sie den aktuellen Code aus Ihrer Authenticator-App ein."]);
            await LoadAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await NotifyAsync(user, Notifications.SecurityNotices.SecondFactorChange.Enrolled);
        // The person has just shown the second factor: sign in again with amr=mfa so staff pages open.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(PortalClaims.AuthenticationMethod, PortalClaims.MultiFactor)]);
        logger.LogInformation("User {UserId} enrolled an authenticator", user.Id);
        IsEnabled = true;
        SignedInWithSecondFactor = true;
        return Page();
    }

    /// <summary>A lost phone: new key, second factor off until the new app is enrolled.</summary>
    public async Task<IActionResult> OnPostResetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        // Replacing the authenticator needs a sign-in that showed the current one (or a recovery code).
        if (!User.HasClaim(PortalClaims.AuthenticationMethod, PortalClaims.MultiFactor)) return Forbid();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await NotifyAsync(user, Notifications.SecurityNotices.SecondFactorChange.AuthenticatorReset);
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} reset the authenticator", user.Id);
        TempData["Status"] = l["Der alte Schlüssel gilt nicht mehr. Richten Sie Ihre Authenticator-App jetzt neu ein."].Value;
        return RedirectToPage(new { ReturnUrl });
    }

    /// <summary>Identity has saved the change; the owner's notice follows at once.</summary>
    private async Task NotifyAsync(PortalUser user, Notifications.SecurityNotices.SecondFactorChange change)
    {
        await notifier.ToUsersAsync([user.Id], Notifications.SecurityNotices.SecondFactorChanged(user.Id, time.UtcNow(), change));
        await db.SaveChangesAsync();
    }

    public string ContinueUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    private async Task LoadAsync(PortalUser user)
    {
        IsEnabled = await users.GetTwoFactorEnabledAsync(user);
        SignedInWithSecondFactor = User.HasClaim(PortalClaims.AuthenticationMethod, PortalClaims.MultiFactor);
        IsStaff = Roles.Staff.Any(User.IsInRole);
        if (IsEnabled) return;

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key was created.");
            // A new key changes the security stamp; refresh the cookie so this session stays valid.
            await signIn.RefreshSignInAsync(user);
        }

        SharedKey = FormatKey(key);
        var uri = string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6");
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        QrCodeDataUrl = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }

    private static string FormatKey(string key)
    {
        var formatted = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
            formatted.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return formatted.ToString().TrimEnd().ToLowerInvariant();
    }
}
