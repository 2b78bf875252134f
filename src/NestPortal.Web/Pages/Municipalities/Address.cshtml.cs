using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Municipalities;

namespace NestPortal.Web.Pages.Municipalities;

/// <summary>
/// The postal address of a municipality's administration and its functional mailbox, where decision
/// letters go (ADR 0023). Emptying every field removes the address; the change is audited with the
/// municipality.
/// </summary>
public sealed class AddressModel(NestPortalDbContext db, IStringLocalizer<SharedResource> l, IValidator<AddressModel.AddressInput> validator) : PageModel
{
    [BindProperty] public AddressInput Input { get; set; } = new();

    public Domain.Municipalities.Municipality Municipality { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string ags)
    {
        if (await MunicipalityRoute.FindAsync(db, ags) is not { } municipality) return NotFound();
        Municipality = municipality;
        var address = municipality.AdministrationAddress;
        Input = new AddressInput
        {
            Addressee = address?.Addressee ?? string.Empty, Street = address?.Street ?? string.Empty,
            Postcode = address?.Postcode ?? string.Empty, City = address?.City ?? string.Empty,
            FunctionalMailbox = municipality.FunctionalMailbox ?? string.Empty,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string ags)
    {
        if (await MunicipalityRoute.FindAsync(db, ags) is not { } municipality) return NotFound();
        Municipality = municipality;
        if (!await validator.ValidateIntoAsync(Input, ModelState, nameof(Input))) return Page();
        var removing = Input.IsEmpty;
        if (!await db.TrySaveAsync(
                () => municipality.RecordAdministrationContact(
                    removing ? null : AdministrationAddress.Create(Input.Addressee, Input.Street, Input.Postcode, Input.City), Input.FunctionalMailbox),
                ModelState, l, new(l["Die Anschrift wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu und prüfen Sie Ihre Eingaben."])))
            return Page();

        TempData["Status"] = (removing ? l["Die Postanschrift ist entfernt."] : l["Die Postanschrift ist gespeichert."]).Value;
        return RedirectToPage("./Details", new { ags = municipality.Ags.Value });
    }

    public sealed class AddressInput
    {
        [Display(Name = "Empfängerzeile")] public string Addressee { get; set; } = string.Empty;
        [Display(Name = "Straße und Hausnummer")] public string Street { get; set; } = string.Empty;
        [Display(Name = "Postleitzahl")] public string Postcode { get; set; } = string.Empty;
        [Display(Name = "Ort")] public string City { get; set; } = string.Empty;
        [Display(Name = "Funktionspostfach")] public string FunctionalMailbox { get; set; } = string.Empty;

        /// <summary>Every address field empty: the address is removed (the mailbox may stay).</summary>
        public bool IsEmpty => string.IsNullOrWhiteSpace(Addressee) && string.IsNullOrWhiteSpace(Street)
                               && string.IsNullOrWhiteSpace(Postcode) && string.IsNullOrWhiteSpace(City);
    }

    public sealed class AddressValidator : AbstractValidator<AddressInput>
    {
        public AddressValidator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Addressee).MaximumLength(AdministrationAddress.AddresseeMaxLength).WithName(_ => l["Empfängerzeile"]);
            When(x => !x.IsEmpty, () =>
            {
                RuleFor(x => x.Street).NotEmpty().MaximumLength(AdministrationAddress.StreetMaxLength).WithName(_ => l["Straße und Hausnummer"]);
                RuleFor(x => x.Postcode).NotEmpty().Matches("^[0-9]{5}$")
                    .WithMessage(_ => l["Die Postleitzahl muss aus fünf Ziffern bestehen."]).WithName(_ => l["Postleitzahl"]);
                RuleFor(x => x.City).NotEmpty().MaximumLength(AdministrationAddress.CityMaxLength).WithName(_ => l["Ort"]);
            });
            RuleFor(x => x.FunctionalMailbox).MaximumLength(Domain.Municipalities.Municipality.FunctionalMailboxMaxLength).MailAddress()
                .When(x => !string.IsNullOrWhiteSpace(x.FunctionalMailbox)).WithName(_ => l["Funktionspostfach"]);
        }
    }
}
