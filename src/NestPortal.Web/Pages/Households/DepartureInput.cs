using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using NestPortal.Domain.Households;

namespace NestPortal.Web.Pages.Households;

/// <summary>An early departure (vorzeitiges Ausscheiden) as typed: date, reason from the list, free text, and a confirmation.</summary>
public sealed class DepartureInput
{
    [Display(Name = "Ausgeschieden am")]
    public DateOnly? LeftOn { get; set; }

    [Display(Name = "Grund")]
    public DepartureReason? Reason { get; set; }

    [DataType(DataType.MultilineText)]
    public string? Note { get; set; }

    /// <summary>A departure cannot be undone in the portal: staff confirm they mean it.</summary>
    public bool Confirmed { get; set; }

    public sealed class Validator : AbstractValidator<DepartureInput>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.LeftOn).NotNull().WithName(_ => l["Ausgeschieden am"]);
            RuleFor(x => x.Reason).NotNull().IsInEnum().WithName(_ => l["Grund"]);
            RuleFor(x => x.Note).MaximumLength(Refugee.DepartureNoteMaxLength).WithName(_ => l["Erläuterung"]);
            RuleFor(x => x.Confirmed).Equal(true)
                .WithMessage(_ => l["Bitte bestätigen Sie, dass das Ausscheiden erfasst werden soll; es kann nicht rückgängig gemacht werden."]);
        }
    }
}
