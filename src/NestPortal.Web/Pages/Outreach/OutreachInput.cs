using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using NestPortal.Domain.Outreach;

namespace NestPortal.Web.Pages.Outreach;

/// <summary>An outreach event as typed on the create and edit pages; municipalities are posted as AGS values.</summary>
public sealed class OutreachInput
{
    [Display(Name = "Datum")]
    public DateOnly? HeldOn { get; set; }

    public string Title { get; set; } = string.Empty;

    [Display(Name = "Art")]
    public OutreachKind? Kind { get; set; }

    [DataType(DataType.MultilineText)]
    public string? Note { get; set; }

    /// <summary>The AGS of the municipalities invited or written to.</summary>
    public List<string> Invited { get; set; } = [];

    /// <summary>The AGS of the municipalities actually reached; they count as invited too.</summary>
    public List<string> Informed { get; set; } = [];

    public static OutreachInput From(OutreachEvent outreach) => new()
    {
        HeldOn = outreach.HeldOn,
        Title = outreach.Title,
        Kind = outreach.Kind,
        Note = outreach.Note,
        Invited = outreach.Municipalities.Select(m => m.MunicipalityAgs.Value).ToList(),
        Informed = outreach.Municipalities.Where(m => m.Informed).Select(m => m.MunicipalityAgs.Value).ToList(),
    };

    public sealed class Validator : AbstractValidator<OutreachInput>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.HeldOn).NotNull().WithName(_ => l["Datum"]);
            RuleFor(x => x.Title).NotEmpty().MaximumLength(OutreachEvent.TitleMaxLength).WithName(_ => l["Titel"]);
            RuleFor(x => x.Kind).NotNull().IsInEnum().WithName(_ => l["Art"]);
            RuleFor(x => x.Note).MaximumLength(OutreachEvent.NoteMaxLength).WithName(_ => l["Notiz"]);
        }
    }
}
