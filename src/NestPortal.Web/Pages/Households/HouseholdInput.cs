using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using NestPortal.Domain.Households;

namespace NestPortal.Web.Pages.Households;

/// <summary>A household's own details as typed on the create and edit pages.</summary>
public sealed class HouseholdInput
{
    public string Reference { get; set; } = string.Empty;

    [Display(Name = "Erwartete Ankunft")]
    public DateOnly? ExpectedArrival { get; set; }

    [DataType(DataType.MultilineText)]
    public string? SpecialNeedsNote { get; set; }

    public static HouseholdInput From(Household household) => new()
    {
        Reference = household.Reference,
        ExpectedArrival = household.ExpectedArrival,
        SpecialNeedsNote = household.SpecialNeedsNote,
    };

    public sealed class Validator : AbstractValidator<HouseholdInput>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Reference).NotEmpty().MaximumLength(Household.ReferenceMaxLength).WithName(_ => l["Aktenzeichen der Familie"]);
            RuleFor(x => x.SpecialNeedsNote).MaximumLength(Household.SpecialNeedsMaxLength).WithName(_ => l["Besondere Bedarfe"]);
        }
    }
}
