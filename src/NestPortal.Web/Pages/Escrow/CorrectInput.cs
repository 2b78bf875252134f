using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Escrow;

/// <summary>Why an entry is reversed, and the clerk's confirmation: a correction cannot itself be corrected.</summary>
public sealed class CorrectInput
{
    [DataType(DataType.MultilineText)]
    [Display(Name = "Begründung")] public string Reason { get; set; } = string.Empty;
    [Display(Name = "Bestätigung")] public bool Confirmed { get; set; }

    /// <summary>The confirmation only; the reason's rules are the ledger's (<see cref="Domain.Sponsorships.Sponsorship.Correct(int, string, DateOnly, Domain.Common.Actor, DateTime, Guid?)"/>).</summary>
    public sealed class Validator : AbstractValidator<CorrectInput>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Confirmed).Equal(true)
                .WithMessage(_ => l["Bitte bestätigen Sie, dass diese Buchung durch eine Gegenbuchung aufgehoben werden soll."]);
        }
    }
}
