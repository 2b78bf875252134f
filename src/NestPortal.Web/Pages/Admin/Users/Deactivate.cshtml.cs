using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Data.Auditing;
using NestPortal.Data.Identity;

namespace NestPortal.Web.Pages.Admin.Users;

/// <summary>
/// Deactivates an account after a confirmation: it can no longer sign in (password, authenticator code or
/// recovery code) and every open session ends with the new security stamp. Its records and its name in
/// histories stay; an administrator can reactivate it. Not one's own account, not the last active
/// administrator.
/// </summary>
public sealed class DeactivateModel(
    NestPortalDbContext db, UserManager<PortalUser> users, IStringLocalizer<SharedResource> l, TimeProvider time, ILogger<DeactivateModel> logger)
    : AccountPageModel(db, users, l)
{
    [BindProperty] public bool Confirmed { get; set; }

    /// <summary>Why the account cannot be deactivated here; null when it can.</summary>
    public string? Obstacle { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Obstacle = await ObstacleAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Obstacle = await ObstacleAsync();
        if (Obstacle is not null) return Page();
        if (!Confirmed)
        {
            ModelState.AddModelError(nameof(Confirmed), L["Bitte bestätigen Sie, dass das Konto deaktiviert werden soll."]);
            return Page();
        }

        var now = time.UtcNow();
        if (!await TryChangeAsync(() =>
                {
                    Account.DeactivatedAtUtc = now;
                    return Users.UpdateAsync(Account);
                }, AuditAction.Changed, () => [new FieldChange(nameof(PortalUser.DeactivatedAtUtc), null, AuditValue(now))]))
        {
            Obstacle = await ObstacleAsync();
            return Page();
        }

        logger.LogInformation("Account {UserId} deactivated", Account.Id);
        TempData["Status"] = L["Das Konto {0} ist deaktiviert. Die Person kann sich nicht mehr anmelden; ihre Sitzungen sind beendet.", Account.Email!].Value;
        return RedirectToPage("./Details", new { id = Account.Id });
    }

    private async Task<string?> ObstacleAsync() =>
        IsSelf ? L["Ihr eigenes Konto können Sie nicht deaktivieren. Bitten Sie eine andere Administratorin oder einen anderen Administrator darum."].Value
        : IsDeactivated ? L["Das Konto ist bereits deaktiviert."].Value
        : await IsLastActiveAdministratorAsync() ? L["Das ist das letzte aktive Konto der Administration. Es kann erst deaktiviert werden, wenn ein anderes Konto der Administration aktiv ist."].Value
        : null;
}
