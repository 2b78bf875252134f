using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Households;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Households;

/// <summary>
/// What every page about one household does first: load it through the household scope (404 when it
/// is not there for this user, whatever the id), then change it through its own commands and save
/// with the concurrency stamp the form was shown with.
/// </summary>
public abstract class HouseholdPageModel(NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    protected NestPortalDbContext Db => db;
    protected IStringLocalizer<SharedResource> L => l;
    protected DateOnly Today => time.TodayInGermany();
    protected DateTime UtcNow => time.UtcNow();

    public Household Household { get; private set; } = null!;

    /// <summary>The person a person page works on (set by <see cref="LoadPersonAsync"/>).</summary>
    public Refugee Person { get; private set; } = null!;

    /// <summary>The household's stamp when the form was shown; a save fails if someone changed it since.</summary>
    [BindProperty]
    public Guid? Version { get; set; }

    /// <param name="id">The household's id.</param>
    /// <param name="readOnly">
    /// For a page that only shows it: untracked, in one query (a household has a few persons and allocations,
    /// so their join stays small), instead of three tracked ones.
    /// </param>
    protected async Task<bool> LoadHouseholdAsync(int id, bool readOnly = false)
    {
        var query = db.HouseholdsVisibleTo(User)
            .Include(h => h.Persons)
            .Include(h => h.Allocations);
        var household = await (readOnly ? query.AsNoTracking().AsSingleQuery() : query.AsSplitQuery())
            .SingleOrDefaultAsync(h => h.Id == id);
        if (household is null) return false;
        Household = household;
        return true;
    }

    /// <summary>Loads the household and one of its persons; false (404) when either is not there.</summary>
    protected async Task<bool> LoadPersonAsync(int id, int personId)
    {
        if (!await LoadHouseholdAsync(id) || Household.Persons.SingleOrDefault(p => p.Id == personId) is not { } person) return false;
        Person = person;
        return true;
    }

    /// <summary>A form's first showing: the household (and person) as saved, with the version to post back.</summary>
    protected async Task<IActionResult> ShowFormAsync(int id, int? personId = null)
    {
        if (!(personId is { } pid ? await LoadPersonAsync(id, pid) : await LoadHouseholdAsync(id))) return NotFound();
        Version = Household.ConcurrencyStamp;
        return Page();
    }

    /// <summary>
    /// Saves a domain command the <see cref="PageSave"/> way, against the household's stamp the form was shown
    /// with; on failure the household is loaded again, so the page shows what is saved.
    /// </summary>
    protected async Task<bool> TryChangeAsync(Action command, string errorKey = "", Func<Task>? notify = null)
    {
        if (await db.TrySaveAsync(Household, h => h.ConcurrencyStamp, Version, command, ModelState, l,
                new(l["Die Familie wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu und prüfen Sie Ihre Eingaben."],
                    Taken: ReferenceTaken(), Key: errorKey), notify))
            return true;

        var shownPerson = Person;
        await LoadHouseholdAsync(Household.Id);
        // The person may have been removed meanwhile: the page still names who the form was about.
        if (shownPerson is not null) Person = Household.Persons.SingleOrDefault(p => p.Id == shownPerson.Id) ?? shownPerson;
        return false;
    }

    protected string ReferenceTaken() => l["Dieses Aktenzeichen ist bereits für eine andere Familie vergeben."];

    /// <summary>Whether another household already has this reference (checked before saving; the unique index stays the last word).</summary>
    protected Task<bool> ReferenceTakenAsync(string reference, int exceptId = 0)
    {
        var trimmed = reference.Trim();
        return db.Households.AnyAsync(h => h.Reference == trimmed && h.Id != exceptId);
    }

    protected IActionResult Done(string status, int id)
    {
        TempData["Status"] = status;
        return RedirectToPage("/Households/Details", new { id });
    }
}
