using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Data.Auditing;
using NestPortal.Data.Identity;

namespace NestPortal.Web.Pages.Admin.Users;

/// <summary>
/// For someone who lost their authenticator app: the key is replaced, the second factor switched off and
/// the recovery codes made void, and their sessions end. At the next sign-in with the password a staff
/// member is sent to enrol a new app (<see cref="Authorization.TwoFactorEnrolmentResultHandler"/>). Until then
/// the password alone opens the enrolment, so the administrator confirms first that the request came from
/// the person (ADR 0020).
/// </summary>
public sealed class ResetTwoFactorModel(
    NestPortalDbContext db, UserManager<PortalUser> users, IStringLocalizer<SharedResource> l, Notifications.Notifier notifier, TimeProvider time,
    ILogger<ResetTwoFactorModel> logger)
    : AccountPageModel(db, users, l)
{
    [BindProperty] public bool Confirmed { get; set; }

    /// <summary>Why there is nothing to reset here; null when there is.</summary>
    public string? Obstacle { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Obstacle = ObstacleText();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Obstacle = ObstacleText();
        if (Obstacle is not null) return Page();
        if (!Confirmed)
        {
            ModelState.AddModelError(nameof(Confirmed), L["Bitte bestätigen Sie, dass die Bitte um das Zurücksetzen von der Person selbst kommt."]);
            return Page();
        }

        var codesBefore = await Users.CountRecoveryCodesAsync(Account);
        if (!await TryChangeAsync(async () =>
                {
                    var result = await Users.SetTwoFactorEnabledAsync(Account, false);
                    if (result.Succeeded) result = await Users.ResetAuthenticatorKeyAsync(Account);
                    // No codes at all: the ones handed out at enrolment no longer sign in.
                    if (result.Succeeded && await Users.GenerateNewTwoFactorRecoveryCodesAsync(Account, 0) is null)
                        result = IdentityResult.Failed(Users.ErrorDescriber.DefaultError());
                    // Saved with the step and its audit entry: the owner learns who reset their second factor.
                    if (result.Succeeded)
                        await notifier.ToUsersAsync([Account.Id], Notifications.SecurityNotices.SecondFactorChanged(
                            Account.Id, time.UtcNow(), Notifications.SecurityNotices.SecondFactorChange.ResetByAdministrator));
                    return result;
                }, AuditAction.Changed,
                () =>
                [
                    new FieldChange(nameof(PortalUser.TwoFactorEnabled), bool.TrueString, bool.FalseString),
                    new FieldChange("RecoveryCodes", codesBefore.ToString(CultureInfo.InvariantCulture), "0"),
                ]))
        {
            Obstacle = ObstacleText();
            return Page();
        }

        logger.LogInformation("Second factor of account {UserId} reset by an administrator", Account.Id);
        TempData["Status"] = L["Der zweite Faktor von {0} ist zurückgesetzt. Bei der nächsten Anmeldung richtet die Person ihre Authenticator-App neu ein.", Account.Email!].Value;
        return RedirectToPage("./Details", new { id = Account.Id });
    }

    private string? ObstacleText() =>
        IsSelf ? L["Ihren eigenen zweiten Faktor richten Sie unter „Mein Konto“ neu ein."].Value
        : !Account.TwoFactorEnabled ? L["Für dieses Konto ist kein zweiter Faktor eingerichtet; es gibt nichts zurückzusetzen."].Value
        : null;
}
