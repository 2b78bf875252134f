using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Common;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Escrow;

/// <summary>
/// Staff record who the rent goes to (the landlord's name, IBAN and reference) and, when an organisation holds
/// the account for the group, the trustee who pays with a credit transfer file. The domain checks the IBAN.
/// </summary>
public sealed class PayeeModel(NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l)
    : EscrowPageModel(db, time, l)
{
    [BindProperty] public PayeeInput Input { get; set; } = new();

    public sealed class PayeeInput
    {
        [Display(Name = "Vermieterin / Vermieter")] public string Name { get; set; } = string.Empty;
        [Display(Name = "IBAN der Vermieterin / des Vermieters")] public string Iban { get; set; } = string.Empty;
        [Display(Name = "Verwendungszweck für die Miete")] public string Reference { get; set; } = string.Empty;
        [Display(Name = "Treuhänder, der das Mietkonto führt")] public string? Trustee { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var result = await ShowFormAsync(id);
        if (result is not PageResult) return result;
        if (Sponsorship.Landlord is { } landlord)
            Input = new PayeeInput { Name = landlord.Name, Iban = landlord.Iban.Formatted, Reference = landlord.Reference, Trustee = Sponsorship.TrusteeName };
        return result;
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (await TryChangeAsync(() => Sponsorship.SetPayee(LandlordPayee.Create(Input.Name, Input.Iban, Input.Reference), Input.Trustee),
                L["Die Mentoring-Übernahme wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu und prüfen Sie Ihre Eingaben."]))
        {
            TempData["Status"] = L["Der Zahlungsempfänger ist gespeichert."].Value;
            return RedirectToPage("/Escrow/Reconciliation", new { id });
        }

        return Page();
    }
}
