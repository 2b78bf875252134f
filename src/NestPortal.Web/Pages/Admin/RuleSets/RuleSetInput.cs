using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using NestPortal.Domain.Programme;

namespace NestPortal.Web.Pages.Admin.RuleSets;

/// <summary>
/// A rule set's period and numbers as typed. The validator checks only the form's shape (filled in,
/// within range); rules between the figures and other rule sets are the domain's.
/// </summary>
public class RuleSetInput
{
    public string Name { get; set; } = string.Empty;

    [Display(Name = "Gültig ab")]
    public DateOnly? ValidFrom { get; set; }

    [Display(Name = "Gültig bis")]
    public DateOnly? ValidUntil { get; set; }

    [Display(Name = "Mindestzahl Mitglieder")]
    public int? MinimumMembers { get; set; }

    [Display(Name = "Hauptansprechpersonen")]
    public int? RequiredMainContacts { get; set; }

    public bool LegalPersonsAllowed { get; set; }

    [Display(Name = "Mietmonate")]
    public int? RentMonths { get; set; }

    [Display(Name = "Mietmonate bei eigener Wohnung der Gruppe")]
    public int? RentMonthsWithOwnedFlat { get; set; }

    public int? SupportMonths { get; set; }

    [DataType(DataType.MultilineText)]
    public string TrainingRequirement { get; set; } = string.Empty;

    [Display(Name = "Mentoring-Übernahmen einer Gruppe zugleich")]
    public int? MaxConcurrentSponsorships { get; set; } = 1;

    /// <summary>The figures of an existing rule set: to edit it, or as the starting point of its successor.</summary>
    public void CopyFrom(ProgrammeRuleSet ruleSet, bool withPeriod)
    {
        if (withPeriod)
        {
            Name = ruleSet.Name;
            ValidFrom = ruleSet.ValidFrom;
            ValidUntil = ruleSet.ValidUntil;
        }

        MinimumMembers = ruleSet.MinimumMembers;
        RequiredMainContacts = ruleSet.RequiredMainContacts;
        LegalPersonsAllowed = ruleSet.LegalPersonsAllowed;
        RentMonths = ruleSet.RentMonths;
        RentMonthsWithOwnedFlat = ruleSet.RentMonthsWithOwnedFlat;
        SupportMonths = ruleSet.SupportMonths;
        TrainingRequirement = ruleSet.TrainingRequirement;
        MaxConcurrentSponsorships = ruleSet.MaxConcurrentSponsorships;
    }

    public sealed class Validator : AbstractValidator<RuleSetInput>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Name).NotEmpty().MaximumLength(ProgrammeRuleSet.NameMaxLength).WithName(_ => l["Name"]);
            RuleFor(x => x.ValidFrom).NotNull().WithName(_ => l["Gültig ab"]);
            RuleFor(x => x.MinimumMembers).NotNull().InclusiveBetween(1, 100).WithName(_ => l["Mindestzahl Mitglieder"]);
            RuleFor(x => x.RequiredMainContacts).NotNull().InclusiveBetween(1, 100).WithName(_ => l["Hauptansprechpersonen"]);
            RuleFor(x => x.RentMonths).NotNull().InclusiveBetween(0, ProgrammeRuleSet.MaximumMonths).WithName(_ => l["Mietmonate"]);
            RuleFor(x => x.RentMonthsWithOwnedFlat).NotNull().InclusiveBetween(0, ProgrammeRuleSet.MaximumMonths)
                .WithName(_ => l["Mietmonate bei eigener Wohnung der Gruppe"]);
            RuleFor(x => x.SupportMonths).NotNull().InclusiveBetween(0, ProgrammeRuleSet.MaximumMonths).WithName(_ => l["Begleitung (Monate)"]);
            RuleFor(x => x.MaxConcurrentSponsorships).NotNull().InclusiveBetween(1, ProgrammeRuleSet.MaximumConcurrentSponsorships)
                .WithName(_ => l["Mentoring-Übernahmen einer Gruppe zugleich"]);
            RuleFor(x => x.TrainingRequirement).NotEmpty().MaximumLength(ProgrammeRuleSet.TrainingMaxLength).WithName(_ => l["Schulung"]);
        }
    }
}

/// <summary>A successor rule set as typed: also its code, and the confirmation that the current rules end the day before.</summary>
public sealed class NewRuleSetInput : RuleSetInput
{
    public string Code { get; set; } = string.Empty;

    /// <summary>Ending the current rules cannot be undone once groups submit under the new ones: the administrator confirms it.</summary>
    public bool Confirmed { get; set; }

    /// <summary>Called after validation: every figure is there.</summary>
    public ProgrammeRuleSet ToRuleSet() => new(Code, Name, ValidFrom!.Value, ValidUntil, MinimumMembers!.Value, RequiredMainContacts!.Value,
        LegalPersonsAllowed, RentMonths!.Value, RentMonthsWithOwnedFlat!.Value, SupportMonths!.Value, TrainingRequirement,
        MaxConcurrentSponsorships!.Value);

    public sealed class NewValidator : AbstractValidator<NewRuleSetInput>
    {
        public NewValidator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Code).NotEmpty().MaximumLength(ProgrammeRuleSet.CodeMaxLength).WithName(_ => l["Kürzel"]);
            Include(new Validator(l));
            RuleFor(x => x.Confirmed).Equal(true)
                .WithMessage(_ => l["Bitte bestätigen Sie, dass die bisherigen Regeln am Vortag enden."]);
        }
    }
}
