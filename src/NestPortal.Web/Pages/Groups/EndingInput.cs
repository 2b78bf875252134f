using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using NestPortal.Domain.MentoringGroups;

namespace NestPortal.Web.Pages.Groups;

/// <summary>
/// An ending as typed: a member leaving or a group dissolving, with its day, a reason and a confirmation.
/// Whether the day may be used (not in the future, not before submission) is the group's rule.
/// </summary>
public sealed class EndingInput
{
    [Display(Name = "Datum")]
    public DateOnly? On { get; set; }

    [Display(Name = "Grund")]
    [DataType(DataType.MultilineText)]
    public string? Reason { get; set; }

    /// <summary>Neither a departure nor a dissolution can be undone in the portal: people confirm they mean it.</summary>
    public bool Confirmed { get; set; }

    public sealed class Validator : AbstractValidator<EndingInput>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.On).NotNull().WithName(_ => l["Datum"]);
            RuleFor(x => x.Reason).NotEmpty().MaximumLength(MentoringGroup.ReasonMaxLength).WithName(_ => l["Grund"]);
            RuleFor(x => x.Confirmed).Equal(true)
                .WithMessage(_ => l["Bitte bestätigen Sie Ihre Angaben; sie können im Portal nicht rückgängig gemacht werden."]);
        }
    }
}
