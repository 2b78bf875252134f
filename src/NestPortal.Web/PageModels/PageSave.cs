using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Common;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.PageModels;

/// <summary>
/// The one way a page saves a change: run the domain command, save, and turn the three refusals a
/// person can cause into messages on the form instead of a 500: a broken rule (<see cref="DomainException"/>),
/// a form shown before someone else saved (a stale concurrency stamp) and a value someone else saved
/// first (a unique index). One place, so every page refuses the same way and nothing is half-saved.
/// </summary>
/// <remarks>
/// On a refusal the change tracker is cleared: the refused change must not ride along with a later
/// save in the same request (a page that logs a view saves again), so the page loads again what it
/// shows, and the page then shows what is saved, not the refused change.
/// </remarks>
public static class PageSave
{
    /// <summary>Runs <paramref name="command"/> and saves; false, with the reasons on the form, if refused.</summary>
    /// <param name="notify">
    /// Runs after the command and before the save (the <c>Notifier</c>'s calls): what it adds is saved with
    /// the change it reports, or dropped with it when the change is refused.
    /// </param>
    public static async Task<bool> TrySaveAsync(this NestPortalDbContext db, Action command, ModelStateDictionary modelState,
        IStringLocalizer l, SaveRefusals refusals, Func<Task>? notify = null)
    {
        try
        {
            command();
            if (notify is not null) await notify();
            await db.SaveChangesAsync();
            return true;
        }
        catch (DomainException exception)
        {
            modelState.AddDomainErrors(exception, l, refusals.Key);
        }
        catch (DbUpdateConcurrencyException)
        {
            modelState.AddModelError(refusals.Key, ConflictMessage(refusals, l));
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // Checked before saving where a page can; this is the race the check cannot see. Someone else
            // saved first either way, so without a message of its own it reads like a conflict.
            modelState.AddModelError(refusals.TakenKey ?? refusals.Key, refusals.Taken ?? ConflictMessage(refusals, l));
        }

        db.ChangeTracker.Clear();
        return false;
    }

    /// <summary>The page's own words for a conflict, or general ones for a page whose records carry no stamp.</summary>
    private static string ConflictMessage(SaveRefusals refusals, IStringLocalizer l) =>
        refusals.Conflict ?? l["Die Daten wurden inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu und prüfen Sie Ihre Eingaben."];

    /// <summary>
    /// The same for a change of an aggregate the form was shown with: it is saved only if its stamp is
    /// still <paramref name="shownStamp"/>, the one the form posted.
    /// </summary>
    /// <param name="shownStamp">
    /// Every form posts it; a form without one cannot prove it shows the saved state and is refused like a
    /// stale one. Checked after the command, so a rule the change breaks is named first.
    /// </param>
    public static Task<bool> TrySaveAsync<T>(this NestPortalDbContext db, T aggregate, Expression<Func<T, Guid>> stamp, Guid? shownStamp,
        Action command, ModelStateDictionary modelState, IStringLocalizer l, SaveRefusals refusals, Func<Task>? notify = null) where T : class =>
        db.TrySaveAsync(() =>
        {
            command();
            if (shownStamp is not { } shown) throw new DbUpdateConcurrencyException();
            db.Entry(aggregate).Property(stamp).OriginalValue = shown;
        }, modelState, l, refusals, notify);
}

/// <summary>What the form says when <see cref="PageSave"/> is refused, and at which field.</summary>
/// <param name="Conflict">Someone saved the record since the form was shown; by default a general "changed meanwhile".</param>
/// <param name="Taken">A unique index refused a value; by default the conflict message.</param>
/// <param name="Key">The field broken rules and conflicts are shown at; empty: above the form.</param>
/// <param name="TakenKey">The field a taken value is shown at; by default <paramref name="Key"/>.</param>
public sealed record SaveRefusals(string? Conflict = null, string? Taken = null, string Key = "", string? TakenKey = null);
