using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Data.Auditing;
using NestPortal.Data.Identity;
using NestPortal.Web.Authorization;

namespace NestPortal.Web.Pages.Admin.Users;

/// <summary>
/// Gives a staff account another staff role (competence centre, municipality, administration), or a
/// municipality account another municipality. The person signs in again and works with the new role:
/// the new security stamp ends their sessions, which still carry the old role.
/// </summary>
/// <remarks>
/// Only staff roles are changed here (ADR 0020). A mentor registered themselves as a volunteer, is a
/// member of groups by their address, and stays a mentor; staff are invited with their office address.
/// Nor is one's own role changed here, nor the last active administrator made something else.
/// </remarks>
public sealed class RoleModel(
    NestPortalDbContext db, UserManager<PortalUser> users, IStringLocalizer<SharedResource> l, IValidator<RoleModel.InputModel> validator,
    ILogger<RoleModel> logger)
    : AccountPageModel(db, users, l)
{
    [BindProperty] public InputModel Input { get; set; } = new();

    /// <summary>Why the role cannot be changed here; null when it can.</summary>
    public string? Obstacle { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Obstacle = await ObstacleAsync(newRole: null);
        Input.Role = AccountRoles.FirstOrDefault(Roles.Staff.Contains) ?? string.Empty;
        Input.Municipality = Account.MunicipalityAgs?.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Obstacle = await ObstacleAsync(Input.Role);
        if (Obstacle is not null) return Page();
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();

        Domain.Municipalities.Municipality? municipality = null;
        if (Input.Role == Roles.Municipality)
        {
            municipality = await MunicipalityLookup.ResolveAsync(Db, Input.Municipality);
            if (municipality is null)
            {
                ModelState.AddModelError("Input.Municipality", await MunicipalityLookup.NotFoundMessageAsync(Db, L, Input.Municipality));
                return Page();
            }
        }

        var newAgs = municipality?.Ags;
        if (AccountRoles.SequenceEqual([Input.Role]) && Account.MunicipalityAgs == newAgs)
        {
            ModelState.AddModelError("Input.Role", L["Das Konto hat diese Rolle bereits. Wählen Sie eine andere Rolle oder Kommune."]);
            return Page();
        }

        var oldRoles = AccountRoles;
        var oldAgs = Account.MunicipalityAgs;
        if (!await TryChangeAsync(async () =>
                {
                    var removed = oldRoles.Where(r => r != Input.Role).ToList();
                    var result = removed.Count == 0 ? IdentityResult.Success : await Users.RemoveFromRolesAsync(Account, removed);
                    if (result.Succeeded && !oldRoles.Contains(Input.Role)) result = await Users.AddToRoleAsync(Account, Input.Role);
                    if (!result.Succeeded || oldAgs == newAgs) return result;
                    Account.MunicipalityAgs = newAgs;
                    return await Users.UpdateAsync(Account);
                }, AuditAction.Changed, () => Changes(oldRoles, oldAgs, newAgs)))
        {
            Obstacle = await ObstacleAsync(Input.Role);
            return Page();
        }

        logger.LogInformation("Account {UserId} given the role {Role}", Account.Id, Input.Role);
        TempData["Status"] = L["{0} hat jetzt die Rolle „{1}“. Die Person meldet sich neu an; ihre offenen Sitzungen sind beendet.",
            Account.Email!, RoleTexts.Name(L, Input.Role)].Value;
        return RedirectToPage("./Details", new { id = Account.Id });
    }

    private List<FieldChange> Changes(IReadOnlyList<string> oldRoles, Domain.Municipalities.Ags? oldAgs, Domain.Municipalities.Ags? newAgs)
    {
        var changes = new List<FieldChange> { new("Roles", RoleList(oldRoles), RoleList([Input.Role])) };
        if (oldAgs != newAgs) changes.Add(new FieldChange(nameof(PortalUser.MunicipalityAgs), oldAgs?.Value, newAgs?.Value));
        return changes;
    }

    /// <param name="newRole">The role asked for; null when only the page is shown.</param>
    private async Task<string?> ObstacleAsync(string? newRole) =>
        IsSelf ? L["Ihre eigene Rolle können Sie nicht ändern. Bitten Sie eine andere Administratorin oder einen anderen Administrator darum."].Value
        : IsMentor ? L["Mentorinnen und Mentoren registrieren sich selbst und bleiben es; ihre Rolle wird hier nicht geändert. Soll die Person für das Kompetenzzentrum, eine Kommune oder die Administration arbeiten, laden Sie sie mit ihrer dienstlichen E-Mail-Adresse ein."].Value
        : newRole != Roles.Administrator && await IsLastActiveAdministratorAsync()
            ? L["Das ist das letzte aktive Konto der Administration. Seine Rolle kann erst geändert werden, wenn ein anderes Konto der Administration aktiv ist."].Value
            : null;

    public sealed class InputModel
    {
        public string Role { get; set; } = string.Empty;
        public string? Municipality { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Role).Must(role => Roles.Staff.Contains(role))
                .WithMessage(_ => l["Bitte wählen Sie eine Rolle für Mitarbeitende."]);
            RuleFor(x => x.Municipality).NotEmpty().When(x => x.Role == Roles.Municipality)
                .WithMessage(_ => l["Ein Konto einer Kommune gehört zu genau einer Kommune: bitte wählen Sie sie aus."]);
        }
    }
}
