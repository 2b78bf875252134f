using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using NestPortal.Domain.MentoringGroups;

namespace NestPortal.Web.Pages.Groups.Members;

/// <summary>One member as typed on the add and edit pages.</summary>
public sealed class MemberInput
{
    [Display(Name = "Art des Mitglieds")]
    public MemberKind Kind { get; set; } = MemberKind.NaturalPerson;
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    [Display(Name = "Geburtsdatum")]
    public DateOnly? DateOfBirth { get; set; }
    public string? OrganisationName { get; set; }
    public string? RepresentativeName { get; set; }
    public string Email { get; set; } = string.Empty;
    public string? Phone { get; set; }
    [Display(Name = "Schulung abgeschlossen am")]
    public DateOnly? TrainingDate { get; set; }
    [Display(Name = "Hauptansprechperson")]
    public bool IsMainContact { get; set; }

    public MemberDetails ToDetails() =>
        new(Kind, GivenName, FamilyName, OrganisationName, RepresentativeName, Email, Phone, DateOfBirth, TrainingDate, IsMainContact);

    public static MemberInput From(Mentor member) => new()
    {
        Kind = member.Kind,
        GivenName = member.GivenName,
        FamilyName = member.FamilyName,
        DateOfBirth = member.DateOfBirth,
        OrganisationName = member.OrganisationName,
        RepresentativeName = member.RepresentativeName,
        Email = member.Email,
        Phone = member.Phone,
        TrainingDate = member.TrainingDate,
        IsMainContact = member.IsMainContact,
    };

    public sealed class Validator : AbstractValidator<MemberInput>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Kind).IsInEnum().WithName(_ => l["Art des Mitglieds"]);
            When(x => x.Kind == MemberKind.NaturalPerson, () =>
            {
                RuleFor(x => x.GivenName).NotEmpty().MaximumLength(100).WithName(_ => l["Vorname"]);
                RuleFor(x => x.FamilyName).NotEmpty().MaximumLength(100).WithName(_ => l["Nachname"]);
                RuleFor(x => x.DateOfBirth).NotNull().WithName(_ => l["Geburtsdatum"])
                    .GreaterThan(new DateOnly(1900, 1, 1)).WithMessage(_ => l["Bitte prüfen Sie das Geburtsdatum."]);
            });
            When(x => x.Kind == MemberKind.LegalPerson, () =>
            {
                RuleFor(x => x.OrganisationName).NotEmpty().MaximumLength(200).WithName(_ => l["Name der Organisation"]);
                RuleFor(x => x.RepresentativeName).NotEmpty().MaximumLength(200).WithName(_ => l["Vertreten durch"]);
            });
            RuleFor(x => x.Email).NotEmpty().MaximumLength(254).MailAddress().WithName(_ => l["E-Mail-Adresse"]);
            RuleFor(x => x.Phone).MaximumLength(50).Matches(@"^[0-9 +()/\-]*$")
                .WithMessage(_ => l["Die Telefonnummer darf nur Ziffern, Leerzeichen und + ( ) / - enthalten."]).WithName(_ => l["Telefon"]);
            RuleFor(x => x.TrainingDate).GreaterThan(new DateOnly(2019, 1, 1))
                .WithMessage(_ => l["Bitte prüfen Sie das Schulungsdatum; NesT begann 2019."]).When(x => x.TrainingDate is not null);
        }
    }
}
