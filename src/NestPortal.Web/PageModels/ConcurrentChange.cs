using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Common;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.PageModels;

/// <summary>
/// How every page changes an aggregate it loaded: run the domain command, save, and turn broken rules
/// and concurrent edits into form errors instead of a 500.
/// </summary>
public static class ConcurrentChange
{
    /// <summary>The same for an aggregate loaded by the page itself: its stamp must equal the one the form showed.</summary>
    public static Task<bool> TrySaveAsync<T>(this NestPortalDbContext db, T aggregate, Expression<Func<T, Guid>> stamp, Action command,
        Guid? shownVersion, ModelStateDictionary modelState, IStringLocalizer l, string conflictMessage) where T : class
    {
        if (shownVersion is { } shown) db.Entry(aggregate).Property(stamp).OriginalValue = shown;
        return db.TrySaveAsync(command, shownVersion, modelState, l, conflictMessage);
    }

    /// <param name="shownVersion">
    /// The concurrency stamp the form was shown with. Every form posts it; a request without one cannot
    /// prove it is current. Checked after the command, so a rule the change breaks is named first.
    /// </param>
    public static async Task<bool> TrySaveAsync(this NestPortalDbContext db, Action command, Guid? shownVersion,
        ModelStateDictionary modelState, IStringLocalizer l, string conflictMessage, string errorKey = "")
    {
        try
        {
            command();
            if (shownVersion is null) throw new DbUpdateConcurrencyException();
            await db.SaveChangesAsync();
            return true;
        }
        catch (DomainException exception)
        {
            modelState.AddDomainErrors(exception, l, errorKey);
        }
        catch (DbUpdateConcurrencyException)
        {
            modelState.AddModelError(errorKey, conflictMessage);
        }

        return false;
    }
}
