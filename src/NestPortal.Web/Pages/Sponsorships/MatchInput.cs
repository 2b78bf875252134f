using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Sponsorships;

/// <summary>What staff type to record BAMF's match: the group, the flat, the escrow account and the rule set.</summary>
public sealed class MatchInput
{
    [Display(Name = "Mentorengruppe")] public int? GroupId { get; set; }
    [Display(Name = "Straße und Hausnummer")] public string Street { get; set; } = string.Empty;
    [Display(Name = "Postleitzahl")] public string PostalCode { get; set; } = string.Empty;
    [Display(Name = "Ort")] public string City { get; set; } = string.Empty;
    [Display(Name = "Kommune der Wohnung")] public string Municipality { get; set; } = string.Empty;

    /// <summary>Kept as typed ("68,5"), parsed in the page's language.</summary>
    [Display(Name = "Wohnfläche in m²")] public string LivingSpace { get; set; } = string.Empty;
    [Display(Name = "Zimmer")] public string Rooms { get; set; } = string.Empty;
    [Display(Name = "Nettokaltmiete monatlich in €")] public string Rent { get; set; } = string.Empty;
    [Display(Name = "Mietbeginn")] public DateOnly? LeaseStart { get; set; }
    [Display(Name = "Die Wohnung gehört der Gruppe")] public bool OwnedByGroup { get; set; }
    [Display(Name = "Kontoinhaber")] public string AccountHolder { get; set; } = string.Empty;
    [Display(Name = "IBAN")] public string Iban { get; set; } = string.Empty;
    [Display(Name = "Bank")] public string BankName { get; set; } = string.Empty;

    /// <summary>Empty: the rule set of the group's submission date.</summary>
    [Display(Name = "Programmregeln")] public int? RuleSetId { get; set; }
    [DataType(DataType.MultilineText)]
    [Display(Name = "Begründung für andere Programmregeln")] public string? RuleSetReason { get; set; }

    public sealed class Validator : AbstractValidator<MatchInput>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.GroupId).NotNull().WithName(_ => l["Mentorengruppe"]);
            RuleFor(x => x.Street).NotEmpty().MaximumLength(Apartment.StreetMaxLength).WithName(_ => l["Straße und Hausnummer"]);
            RuleFor(x => x.PostalCode).NotEmpty().WithName(_ => l["Postleitzahl"]);
            RuleFor(x => x.City).NotEmpty().MaximumLength(Apartment.CityMaxLength).WithName(_ => l["Ort"]);
            RuleFor(x => x.Municipality).NotEmpty().MaximumLength(300).WithName(_ => l["Kommune der Wohnung"]);
            RuleFor(x => x.LivingSpace).Must(BeANumber).WithMessage(_ => l["Bitte geben Sie die Wohnfläche als Zahl an, z. B. {0}.", DecimalInput.Format(68.5m)]);
            RuleFor(x => x.Rooms).Must(BeANumber).WithMessage(_ => l["Bitte geben Sie die Zimmerzahl als Zahl an, z. B. {0}.", DecimalInput.Format(2.5m)]);
            RuleFor(x => x.Rent).Must(BeANumber).WithMessage(_ => l["Bitte geben Sie die Nettokaltmiete in Euro und Cent an, z. B. {0}.", DecimalInput.Format(650.5m, "0.00")]);
            RuleFor(x => x.LeaseStart).NotNull().WithName(_ => l["Mietbeginn"]);
            RuleFor(x => x.AccountHolder).NotEmpty().MaximumLength(EscrowAccount.HolderMaxLength).WithName(_ => l["Kontoinhaber"]);
            RuleFor(x => x.Iban).NotEmpty().MaximumLength(50).WithName(_ => l["IBAN"]);
            RuleFor(x => x.BankName).NotEmpty().MaximumLength(EscrowAccount.BankMaxLength).WithName(_ => l["Bank"]);
            RuleFor(x => x.RuleSetReason).MaximumLength(Sponsorship.ReasonMaxLength).WithName(_ => l["Begründung für andere Programmregeln"]);
        }

        private static bool BeANumber(string text) => DecimalInput.TryParse(text, out _);
    }
}
