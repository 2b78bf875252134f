using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Common;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages;

/// <summary>
/// How every page changes an aggregate it loaded: run the domain command, save, and turn broken rules
/// and concurrent edits into form errors instead of a 500.
/// </summary>
public static class ConcurrentChange
{
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
