using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Escrow;

/// <summary>
/// What every staff page about one escrow account does: load the sponsorship with its ledger (404 for
/// an unknown id), and book through the aggregate with two guards. The concurrency stamp the form was
/// shown with refuses a booking on a balance that changed meanwhile; the form's idempotency key makes
/// a second submission of the same form (double click, back button, retry) book nothing again.
/// </summary>
public abstract class EscrowPageModel(NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    protected NestPortalDbContext Db => db;
    protected IStringLocalizer<SharedResource> L => l;
    protected DateOnly Today => time.TodayInGermany();
    protected DateTime UtcNow => time.UtcNow();

    public Sponsorship Sponsorship { get; private set; } = null!;
    public string GroupName { get; private set; } = string.Empty;
    public string HouseholdReference { get; private set; } = string.Empty;
    public EscrowPosition Position => Sponsorship.Position;

    /// <summary>The account's stamp when the form was shown; a booking fails if someone booked since.</summary>
    [BindProperty]
    public Guid? Version { get; set; }

    /// <summary>Made when the form is shown and posted back: the same key books once.</summary>
    [BindProperty]
    public Guid IdempotencyKey { get; set; }

    protected async Task<bool> LoadAsync(int id)
    {
        var sponsorship = await db.Sponsorships.AsSplitQuery().SingleOrDefaultAsync(s => s.Id == id);
        if (sponsorship is null) return false;
        Sponsorship = sponsorship;
        GroupName = await db.MentoringGroups.Where(g => g.Id == sponsorship.GroupId).Select(g => g.Name).SingleAsync();
        HouseholdReference = await db.Households.Where(h => h.Id == sponsorship.HouseholdId).Select(h => h.Reference).SingleAsync();
        return true;
    }

    /// <summary>A form's first showing: the account as saved, its version, and a fresh key for this form.</summary>
    protected async Task<IActionResult> ShowFormAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Version = Sponsorship.ConcurrencyStamp;
        IdempotencyKey = Guid.NewGuid();
        return Page();
    }

    /// <summary>
    /// Books through <paramref name="book"/> and saves. A form seen before goes to the account with a
    /// note and books nothing; a refused booking shows the form again with the reasons and the saved
    /// account, keeping what was typed.
    /// </summary>
    protected async Task<IActionResult> BookAsync(Action<Sponsorship> book, string doneMessage)
    {
        var id = Sponsorship.Id;
        if (IdempotencyKey == Guid.Empty)
        {
            // Without the form's key a repeated submission could not be recognised: refuse rather than risk booking twice.
            ModelState.AddModelError(string.Empty, l["Das Formular ist unvollständig. Bitte laden Sie die Seite neu."]);
            return Page();
        }

        if (await AlreadyBookedAsync()) return AlreadyBooked(id);
        // A unique violation means another request saved first: with this form's key (a double submission,
        // recognised below) or the same month's rent; either way the clerk looks at the new balance.
        if (await TryChangeAsync(() => book(Sponsorship),
                l["Auf dem Mietkonto wurde inzwischen gebucht. Bitte prüfen Sie den neuen Stand und senden Sie das Formular erneut."]))
            return Done(doneMessage, id);

        if (await AlreadyBookedAsync()) return AlreadyBooked(id);
        // The page now shows the account as saved; sent again, the form is checked against that, so a
        // person told that someone booked meanwhile can look at the new balance and book after all.
        Version = Sponsorship.ConcurrencyStamp;
        ModelState.Remove(nameof(Version));
        return Page();
    }

    /// <summary>
    /// Saves a change of the loaded account the <see cref="PageSave"/> way, against the stamp the form was shown
    /// with; on failure the account is loaded again, so the page shows what is saved, not the refused change.
    /// </summary>
    protected async Task<bool> TryChangeAsync(Action command, string conflict, Func<Task>? notify = null)
    {
        if (await db.TrySaveAsync(Sponsorship, s => s.ConcurrencyStamp, Version, command, ModelState, l, new(conflict), notify)) return true;
        await LoadAsync(Sponsorship.Id);
        return false;
    }

    protected IActionResult Done(string status, int id)
    {
        TempData["Status"] = status;
        // By address, not by page name: the booking forms work (and are tested) without depending on how the account page is built.
        return RedirectToPage("/Escrow/Account", new { id });
    }

    private Task<bool> AlreadyBookedAsync() => db.EscrowEntries.AnyAsync(e => e.IdempotencyKey == IdempotencyKey);

    private IActionResult AlreadyBooked(int id) =>
        Done(l["Dieses Formular war bereits gebucht; es wurde nichts ein zweites Mal gebucht."], id);
}
