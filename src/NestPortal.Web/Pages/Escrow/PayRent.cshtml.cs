using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Web.Authorization;

namespace NestPortal.Web.Pages.Escrow;

/// <summary>
/// Staff pay one due month's rent by hand (when the monthly run could not, e.g. after a late deposit).
/// The booking has no form key: a second submission finds the month paid or the account's stamp
/// changed, and books nothing.
/// </summary>
public sealed class PayRentModel(NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l)
    : EscrowPageModel(db, time, l)
{
    /// <summary>The month's first day as the list offers it (yyyy-MM-dd), kept as text so a refused form shows the choice again.</summary>
    [BindProperty]
    public string? Month { get; set; }

    /// <summary>The months a payment may be booked for: due and not paid.</summary>
    public IReadOnlyList<DateOnly> DueMonths => Sponsorship.UnpaidDueMonths(Today);

    public const string IsoDate = "yyyy-MM-dd";

    public Task<IActionResult> OnGetAsync(int id) => ShowFormAsync(id);

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!DateOnly.TryParseExact(Month, IsoDate, CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            ModelState.AddModelError(nameof(Month), L["Bitte wählen Sie den Monat, für den die Miete gezahlt wird."]);
            return Page();
        }

        return await BookAsync(s => s.PayRent(month, Today, User.ToActor(), UtcNow),
            L["Die Miete für {0:MM/yyyy} ist gezahlt.", month]);
    }
}
