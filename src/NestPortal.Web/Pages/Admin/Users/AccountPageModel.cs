using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Data.Auditing;
using NestPortal.Data.Identity;
using NestPortal.Web.Authorization;

namespace NestPortal.Web.Pages.Admin.Users;

/// <summary>
/// The pages about one account (<c>?id=</c>): load it with its roles, and change it the one way every
/// administration step does (ADR 0020): in one transaction, with a new security stamp so every session of
/// the account ends, an audit entry naming the changed fields, and a last look that an active
/// administrator is left.
/// </summary>
public abstract class AccountPageModel(NestPortalDbContext db, UserManager<PortalUser> users, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Id { get; set; }

    public PortalUser Account { get; private set; } = null!;

    /// <summary>The account's roles, by their constant names (<see cref="Roles"/>).</summary>
    public IReadOnlyList<string> AccountRoles { get; private set; } = [];

    /// <summary>The signed-in administrator's own account: they change it under "Mein Konto", not here.</summary>
    public bool IsSelf { get; private set; }

    public bool IsDeactivated => Account.DeactivatedAtUtc is not null;

    public bool IsAdministrator => AccountRoles.Contains(Roles.Administrator);

    /// <summary>A self-registered volunteer: they stay a mentor (ADR 0020).</summary>
    public bool IsMentor => AccountRoles.Contains(Roles.Mentor);

    /// <summary>Invited, and the link to set a password not yet used: the invitation can be sent again.</summary>
    public bool InvitationOpen => Account.PasswordHash is null;

    protected NestPortalDbContext Db => db;

    protected IStringLocalizer<SharedResource> L => l;

    protected UserManager<PortalUser> Users => users;

    /// <summary>Loads the account of <see cref="Id"/>; false when there is none (the page answers 404).</summary>
    protected async Task<bool> LoadAsync()
    {
        if (string.IsNullOrEmpty(Id) || await users.FindByIdAsync(Id) is not { } account) return false;
        Account = account;
        AccountRoles = (await users.GetRolesAsync(account)).Order(StringComparer.Ordinal).ToList();
        IsSelf = account.Id == User.UserId();
        return true;
    }

    /// <summary>Whether the account is an active administrator and no other one is: it must stay one.</summary>
    protected async Task<bool> IsLastActiveAdministratorAsync() =>
        IsAdministrator && !IsDeactivated && await ActiveAdministratorsAsync(Account.Id) == 0;

    /// <summary>The active (not deactivated) administrators, but for <paramref name="except"/>.</summary>
    private Task<int> ActiveAdministratorsAsync(string? except = null) =>
        (from userRole in db.UserRoles
         join role in db.Roles on userRole.RoleId equals role.Id
         join user in db.Users on userRole.UserId equals user.Id
         where role.Name == Roles.Administrator && user.DeactivatedAtUtc == null && user.Id != except
         select user.Id).Distinct().CountAsync();

    /// <summary>Says above the form why the step is refused.</summary>
    protected void Refuse(string message) => ModelState.AddModelError(string.Empty, message);

    /// <summary>
    /// Runs an administration step on <see cref="Account"/>: the security stamp first (sessions end, and
    /// links mailed before stop working), then the step, then its audit entry, all in one transaction.
    /// The step may add records to the context (a queued mail); they are saved with the entry. Refused,
    /// with the reason above the form and nothing saved, when Identity refuses (someone changed the
    /// account meanwhile) or when afterwards no active administrator would be left (two administrators
    /// acting at once).
    /// </summary>
    /// <param name="changes">What the log shows; read after the step, so it may name values the step made.</param>
    /// <param name="endSessions">False for a deletion: there is no stamp left to change.</param>
    protected async Task<bool> TryChangeAsync(Func<Task<IdentityResult>> step, AuditAction action, Func<IReadOnlyCollection<FieldChange>> changes,
        bool endSessions = true)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(HttpContext.RequestAborted);
        var result = endSessions ? await users.UpdateSecurityStampAsync(Account) : IdentityResult.Success;
        if (result.Succeeded) result = await step();
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) Refuse(error.Description);
            await UndoAsync(transaction);
            return false;
        }

        if (await ActiveAdministratorsAsync() == 0)
        {
            Refuse(l["Es muss mindestens eine aktive Administratorin oder ein aktiver Administrator bleiben."]);
            await UndoAsync(transaction);
            return false;
        }

        db.RecordAccountChange(Account.Id, action, changes());
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        await transaction.CommitAsync(HttpContext.RequestAborted);
        return true;
    }

    /// <summary>Rolls the step back and loads the account again, so the page shows what is saved, not the refused change.</summary>
    private async Task UndoAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction)
    {
        await transaction.RollbackAsync();
        db.ChangeTracker.Clear();
        await LoadAsync();
    }

    /// <summary>A time as the audit trail writes times (ISO 8601, UTC), so the log shows it like any other.</summary>
    internal static string? AuditValue(DateTime? utc) =>
        utc is { } value ? DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("O", System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>Roles as the log keeps them: their constant names, comma-separated; null for none.</summary>
    internal static string? RoleList(IEnumerable<string> roles) =>
        string.Join(",", roles.Order(StringComparer.Ordinal)) is { Length: > 0 } list ? list : null;
}
