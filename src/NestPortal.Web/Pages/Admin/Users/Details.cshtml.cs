using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NestPortal.Data;
using NestPortal.Data.Auditing;
using NestPortal.Data.Identity;
using NestPortal.Web.Mail;
using NestPortal.Web.Pages.Account;

namespace NestPortal.Web.Pages.Admin.Users;

/// <summary>
/// One account as administrators see it: name, address, role and municipality, whether the invitation
/// was taken up, the second factor, a deactivation, and the latest administration steps from the audit
/// log. Reactivating and sending the invitation again are done here, since neither loses anything;
/// deactivating, changing the role, resetting the second factor and deleting each have a page that asks first.
/// </summary>
public sealed class DetailsModel(
    NestPortalDbContext db, UserManager<PortalUser> users, IStringLocalizer<SharedResource> l, TimeProvider time,
    IOptions<PortalOptions> portal, IHostEnvironment environment, ILogger<DetailsModel> logger)
    : AccountPageModel(db, users, l)
{
    /// <summary>The page shows this many steps; the audit log has them all.</summary>
    public const int HistorySize = 10;

    /// <summary>The municipality a municipality account belongs to, by name.</summary>
    public string? MunicipalityName { get; private set; }

    public bool TwoFactorEnabled => Account.TwoFactorEnabled;

    /// <summary>Locked for a while after too many wrong passwords or codes.</summary>
    public DateTime? LockedUntilUtc { get; private set; }

    public IReadOnlyList<HistoryRow> History { get; private set; } = [];
    public int HistoryTotal { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        await LoadDetailsAsync();
        return Page();
    }

    /// <summary>Lets a deactivated account sign in again (with its password and second factor as before).</summary>
    public async Task<IActionResult> OnPostReactivateAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!IsDeactivated)
        {
            Refuse(L["Das Konto ist nicht deaktiviert."]);
            return await PageAsync();
        }

        var since = Account.DeactivatedAtUtc;
        if (!await TryChangeAsync(() =>
                {
                    Account.DeactivatedAtUtc = null;
                    return Users.UpdateAsync(Account);
                }, AuditAction.Changed, () => [new FieldChange(nameof(PortalUser.DeactivatedAtUtc), AuditValue(since), null)]))
            return await PageAsync();

        logger.LogInformation("Account {UserId} reactivated", Account.Id);
        TempData["Status"] = L["Das Konto {0} ist wieder aktiv; die Person kann sich wieder anmelden.", Account.Email!].Value;
        return RedirectToPage(new { id = Account.Id });
    }

    /// <summary>
    /// A new link to set a password, queued in the outbox with the step. The new security stamp makes the
    /// links sent before invalid: only the newest invitation works.
    /// </summary>
    public async Task<IActionResult> OnPostResendInvitationAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!InvitationOpen)
            Refuse(L["{0} hat das Passwort bereits festgelegt; eine Einladung ist nicht mehr nötig. Wer das Passwort vergessen hat, legt über „Passwort vergessen?“ ein neues fest.", Account.Email!]);
        else if (IsDeactivated)
            Refuse(L["Das Konto ist deaktiviert. Reaktivieren Sie es, bevor Sie die Einladung erneut senden."]);
        if (!ModelState.IsValid) return await PageAsync();

        var previous = Account.InvitationSentAtUtc;
        var now = time.UtcNow();
        var baseUrl = AccountLinks.BaseUrl(portal.Value, Request, environment);
        if (!await TryChangeAsync(async () =>
                {
                    var link = await AccountLinks.SetPasswordAsync(Users, Account, Url, baseUrl);
                    Db.QueueAccountMail(L, Account.Email!, AccountMails.Invitation(L, link), baseUrl, now);
                    Account.InvitationSentAtUtc = now;
                    return await Users.UpdateAsync(Account);
                }, AuditAction.Changed,
                () => [new FieldChange(nameof(PortalUser.InvitationSentAtUtc), AuditValue(previous), AuditValue(now))]))
            return await PageAsync();

        logger.LogInformation("Invitation of account {UserId} sent again", Account.Id);
        TempData["Status"] = L["Die Einladung an {0} ist am {1} erneut verschickt worden; der Link der früheren Einladung gilt nicht mehr.",
            Account.Email!, Clock.InGermany(now).ToString("g", CultureInfo.CurrentCulture)].Value;
        return RedirectToPage(new { id = Account.Id });
    }

    private async Task<IActionResult> PageAsync()
    {
        await LoadDetailsAsync();
        return Page();
    }

    private async Task LoadDetailsAsync()
    {
        if (Account.MunicipalityAgs is { } ags)
            MunicipalityName = await Db.Municipalities.Where(m => m.Ags == ags).Select(m => m.Name).SingleOrDefaultAsync();
        LockedUntilUtc = Account.LockoutEnd is { } end && end > time.GetUtcNow() ? end.UtcDateTime : null;

        var entries = Db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == NestPortalDbContext.AccountEntityType && a.EntityId == Account.Id);
        HistoryTotal = await entries.CountAsync();
        History = (await entries.OrderByDescending(a => a.Id).Take(HistorySize).ToListAsync())
            .Select(a => new HistoryRow(Clock.InGermany(a.AtUtc), a.UserName, a.Action,
                a.Changes is null ? [] : JsonSerializer.Deserialize<List<FieldChange>>(a.Changes) ?? []))
            .ToList();
    }

    public sealed record HistoryRow(DateTime AtLocal, string UserName, AuditAction Action, IReadOnlyList<FieldChange> Changes);
}
