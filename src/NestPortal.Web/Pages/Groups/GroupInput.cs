using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using NestPortal.Domain.MentoringGroups;

namespace NestPortal.Web.Pages.Groups;

/// <summary>The group's own details, as typed on the create and edit pages.</summary>
public sealed class GroupInput
{
    public string Name { get; set; } = string.Empty;
    public string HomeMunicipality { get; set; } = string.Empty;
    [DataType(DataType.MultilineText)]
    public string? SupportPlan { get; set; }

    public sealed class Validator : AbstractValidator<GroupInput>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Name).NotEmpty().MaximumLength(MentoringGroup.NameMaxLength).WithName(_ => l["Name der Gruppe"]);
            RuleFor(x => x.HomeMunicipality).NotEmpty().MaximumLength(300).WithName(_ => l["Kommune"]);
            RuleFor(x => x.SupportPlan).MaximumLength(MentoringGroup.SupportPlanMaxLength).WithName(_ => l["Unterstützungsplan"]);
        }
    }
}
