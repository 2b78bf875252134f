using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Municipalities;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Municipalities;

/// <summary>
/// Records, corrects or withdraws a municipality's Sicherer-Hafen council decision. The change is
/// audited with the municipality (it is an audited type).
/// </summary>
public sealed class SafeHarbourModel(NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty, Display(Name = "Datum des Ratsbeschlusses")]
    public DateOnly? DecidedOn { get; set; }

    /// <summary>The decision date the form was shown with. Municipalities carry no concurrency stamp, so this stands in for one.</summary>
    [BindProperty] public DateOnly? Shown { get; set; }

    /// <summary>Withdrawing needs this ticked: a decision is rarely revoked, an emptied field is more often a slip.</summary>
    [BindProperty] public bool ConfirmWithdrawal { get; set; }

    public Domain.Municipalities.Municipality Municipality { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string ags)
    {
        if (await MunicipalityRoute.FindAsync(db, ags) is not { } municipality) return NotFound();
        Municipality = municipality;
        DecidedOn = Shown = municipality.SafeHarbourDeclaredOn;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string ags)
    {
        if (await MunicipalityRoute.FindAsync(db, ags) is not { } municipality) return NotFound();
        Municipality = municipality;
        if (!ModelState.IsValid) return Page();
        if (municipality.SafeHarbourDeclaredOn != Shown)
        {
            ModelState.AddModelError(string.Empty, l["Der Ratsbeschluss wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu und prüfen Sie Ihre Eingaben."]);
            return Page();
        }

        var withdrawing = DecidedOn is null && municipality.SafeHarbourDeclaredOn is not null;
        if (withdrawing && !ConfirmWithdrawal)
        {
            ModelState.AddModelError(nameof(ConfirmWithdrawal), l["Das Datum ist leer: Bitte bestätigen Sie, dass der Beschluss zurückgenommen wurde."]);
            return Page();
        }

        // Municipalities carry no stamp (see Shown), so a conflict here is only the rare race after the check above.
        if (!await db.TrySaveAsync(() => municipality.RecordSafeHarbourDecision(DecidedOn, time.TodayInGermany()), ModelState, l,
                new(l["Der Ratsbeschluss wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu und prüfen Sie Ihre Eingaben."],
                    Key: nameof(DecidedOn))))
            return Page();

        TempData["Status"] = (DecidedOn is { } decided
            ? l["Sicherer Hafen seit {0:dd.MM.yyyy} ist gespeichert.", decided]
            : withdrawing ? l["Der Beschluss ist als zurückgenommen gespeichert."] : l["Es ist kein Beschluss erfasst."]).Value;
        return RedirectToPage("./Details", new { ags = municipality.Ags.Value });
    }
}
