using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Data.Auditing;
using NestPortal.Data.Identity;
using NestPortal.Domain.MentoringGroups;

namespace NestPortal.Web.Pages.Admin.Users;

/// <summary>
/// Deletes an account that holds no records, after a confirmation: an invitation sent to the wrong
/// address, an account never used. An account holds records when a group with its members' data refers
/// to it (it created the group or is a member by its address) or when it started a data import (the
/// import runs and commits in its name). Those accounts are deactivated instead; a mentor deletes their
/// own account and member data under "Mein Konto". What the account did stays in histories and the audit
/// log under its name, which does not keep it. Not one's own account, not the last active administrator.
/// </summary>
public sealed class DeleteModel(
    NestPortalDbContext db, UserManager<PortalUser> users, IStringLocalizer<SharedResource> l, ILogger<DeleteModel> logger)
    : AccountPageModel(db, users, l)
{
    [BindProperty] public bool Confirmed { get; set; }

    /// <summary>What the account holds, named; empty when it may be deleted.</summary>
    public IReadOnlyList<string> Holdings { get; private set; } = [];

    /// <summary>Why the account cannot be deleted here, other than its records; null when nothing else stands in the way.</summary>
    public string? Obstacle { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        await LoadObstaclesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        await LoadObstaclesAsync();
        if (Obstacle is not null || Holdings.Count > 0) return Page();
        if (!Confirmed)
        {
            ModelState.AddModelError(nameof(Confirmed), L["Bitte bestätigen Sie, dass das Konto endgültig gelöscht werden soll."]);
            return Page();
        }

        var roles = AccountRoles;
        var email = Account.Email!;
        if (!await TryChangeAsync(() => Users.DeleteAsync(Account), AuditAction.Deleted,
                () => [new FieldChange("Roles", RoleList(roles), null)], endSessions: false))
        {
            await LoadObstaclesAsync();
            return Page();
        }

        logger.LogInformation("Account {UserId} deleted by an administrator", Account.Id);
        TempData["Status"] = L["Das Konto {0} ist gelöscht.", email].Value;
        return RedirectToPage("./Index");
    }

    private async Task LoadObstaclesAsync()
    {
        Obstacle = IsSelf ? L["Ihr eigenes Konto können Sie hier nicht löschen. Bitten Sie eine andere Administratorin oder einen anderen Administrator darum."].Value
            : await IsLastActiveAdministratorAsync() ? L["Das ist das letzte aktive Konto der Administration. Es kann erst gelöscht werden, wenn ein anderes Konto der Administration aktiv ist."].Value
            : null;
        Holdings = await HoldingsAsync();
    }

    /// <summary>The records that keep the account: groups with member data that refer to it, imports it started.</summary>
    private async Task<IReadOnlyList<string>> HoldingsAsync()
    {
        var email = Mentor.NormaliseEmail(Account.Email ?? string.Empty);
        var id = Account.Id;
        var groups = await Db.MentoringGroups.AsNoTracking()
            .Where(g => g.MemberDataErasedOn == null && (g.CreatedByUserId == id || (email != "" && g.Members.Any(m => m.Email == email))))
            .OrderBy(g => g.Name).Select(g => g.Name).ToListAsync();
        var imports = await Db.DataImports.CountAsync(i => i.StartedByUserId == id);
        var holdings = groups.Select(name => L["die Gruppe „{0}“, die das Konto angelegt hat oder in der es Mitglied ist", name].Value).ToList();
        if (imports > 0) holdings.Add(L.Count(imports, "{0} Datenimport, den das Konto gestartet hat", "{0} Datenimporte, die das Konto gestartet hat"));
        return holdings;
    }
}
