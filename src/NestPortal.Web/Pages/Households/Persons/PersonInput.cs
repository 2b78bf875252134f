using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using NestPortal.Domain.Households;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Households.Persons;

/// <summary>One refugee as typed on the add and edit pages: what the process needs, nothing more.</summary>
public sealed class PersonInput
{
    public string GivenName { get; set; } = string.Empty;
    public string FamilyName { get; set; } = string.Empty;

    [Display(Name = "Geburtsdatum")]
    public DateOnly? DateOfBirth { get; set; }

    [Display(Name = "Geschlecht")]
    public Sex? Sex { get; set; }

    public string NationalityCode { get; set; } = string.Empty;
    public string FirstRefugeCountryCode { get; set; } = string.Empty;

    [Display(Name = "Datum der Aufnahmezusage")]
    public DateOnly? AdmissionDecisionDate { get; set; }

    public string AdmissionDecisionReference { get; set; } = string.Empty;

    [Display(Name = "Visum erteilt am")]
    public DateOnly? VisaDate { get; set; }

    [Display(Name = "Eingereist am")]
    public DateOnly? ArrivedOn { get; set; }

    /// <summary>Only called once the validator passed: the required values are there.</summary>
    public RefugeeDetails ToDetails() => new(GivenName, FamilyName, DateOfBirth!.Value, Sex!.Value, NationalityCode, FirstRefugeCountryCode,
        AdmissionDecisionDate!.Value, AdmissionDecisionReference, VisaDate, ArrivedOn);

    /// <summary>
    /// A new person's form: the family's shared details as the person recorded last has them (the
    /// household records none of them, so the first person's form starts empty); all still editable.
    /// </summary>
    public static PersonInput StartingFrom(SharedFamilyDetails? shared) => shared is null
        ? new PersonInput()
        : new PersonInput
        {
            FamilyName = shared.FamilyName,
            NationalityCode = shared.NationalityCode,
            FirstRefugeCountryCode = shared.FirstRefugeCountryCode,
            AdmissionDecisionDate = shared.AdmissionDecisionDate,
            AdmissionDecisionReference = shared.AdmissionDecisionReference,
        };

    public static PersonInput From(Refugee person) => new()
    {
        GivenName = person.GivenName,
        FamilyName = person.FamilyName,
        DateOfBirth = person.DateOfBirth,
        Sex = person.Sex,
        NationalityCode = person.NationalityCode,
        FirstRefugeCountryCode = person.FirstRefugeCountryCode,
        AdmissionDecisionDate = person.AdmissionDecisionDate,
        AdmissionDecisionReference = person.AdmissionDecisionReference,
        VisaDate = person.VisaDate,
        ArrivedOn = person.ArrivedOn,
    };

    /// <summary>Shape only (required, lengths, from the lists); the date rules are the household's.</summary>
    public sealed class Validator : AbstractValidator<PersonInput>
    {
        public Validator(IStringLocalizer<SharedResource> l, Countries countries)
        {
            RuleFor(x => x.GivenName).NotEmpty().MaximumLength(Refugee.NameMaxLength).WithName(_ => l["Vorname"]);
            RuleFor(x => x.FamilyName).NotEmpty().MaximumLength(Refugee.NameMaxLength).WithName(_ => l["Familienname"]);
            RuleFor(x => x.DateOfBirth).NotNull().WithName(_ => l["Geburtsdatum"]);
            RuleFor(x => x.Sex).NotNull().IsInEnum().WithName(_ => l["Geschlecht"]);
            RuleFor(x => x.NationalityCode).Must(countries.IsNationality)
                .WithMessage(_ => l["Bitte wählen Sie eine Staatsangehörigkeit aus der Liste."]);
            RuleFor(x => x.FirstRefugeCountryCode).Must(countries.IsCountry)
                .WithMessage(_ => l["Bitte wählen Sie das Erstaufnahmeland aus der Liste."]);
            RuleFor(x => x.AdmissionDecisionDate).NotNull().WithName(_ => l["Datum der Aufnahmezusage"]);
            RuleFor(x => x.AdmissionDecisionReference).NotEmpty().MaximumLength(Refugee.ReferenceMaxLength).WithName(_ => l["Aktenzeichen der Aufnahmezusage"]);
        }
    }
}
