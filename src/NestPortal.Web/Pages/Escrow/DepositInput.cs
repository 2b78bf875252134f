using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Escrow;

/// <summary>What the bank statement shows for a deposit. The amount stays as typed ("1234,56") and is parsed in the page's language.</summary>
public sealed class DepositInput
{
    [Display(Name = "Betrag in €")] public string Amount { get; set; } = string.Empty;
    [Display(Name = "Wertstellung")] public DateOnly? ValueDate { get; set; }
    [Display(Name = "Verwendungszweck / Bankreferenz")] public string BankReference { get; set; } = string.Empty;

    /// <summary>Only the form's shape; whether the amount and date are allowed is the ledger's rule (<see cref="Sponsorship.RecordDeposit"/>).</summary>
    public sealed class Validator : AbstractValidator<DepositInput>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Amount).Must(text => DecimalInput.TryParse(text, out _))
                .WithMessage(_ => l["Bitte geben Sie den Betrag in Euro und Cent an, z. B. {0}.", DecimalInput.Format(1234.56m, "0.00")]);
            RuleFor(x => x.ValueDate).NotNull().WithName(_ => l["Wertstellung"]);
            RuleFor(x => x.BankReference).NotEmpty().MaximumLength(EscrowEntry.ReferenceMaxLength).WithName(_ => l["Verwendungszweck / Bankreferenz"]);
        }
    }
}
