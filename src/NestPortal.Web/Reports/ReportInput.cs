using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Reports;

/// <summary>
/// The report's query string as typed (<c>?Stichtag=2021-06-25&amp;FromYear=2019&amp;ToYear=2021</c>), shared by
/// the report pages and the exports so every output reads the same parameters. Empty fields take the defaults.
/// </summary>
public sealed class ReportInput
{
    [Display(Name = "Stichtag")]
    public DateOnly? Stichtag { get; set; }

    [Display(Name = "von Jahr")]
    public int? FromYear { get; set; }

    [Display(Name = "bis Jahr")]
    public int? ToYear { get; set; }

    /// <summary>
    /// The request with defaults: Stichtag today, years 2019 to the Stichtag's year. A last year after the
    /// Stichtag's year is cut back to it rather than refused: those years hold nothing as of the Stichtag, and
    /// the form shows the last year it was given, so a clerk who only moves the Stichtag back would otherwise
    /// get an error instead of the report.
    /// </summary>
    public ReportRequest ToRequest(DateOnly today)
    {
        var stichtag = Stichtag ?? today;
        return new ReportRequest(stichtag, FromYear ?? ReportRequest.FirstProgrammeYear, Math.Min(ToYear ?? stichtag.Year, stichtag.Year));
    }

    /// <summary>The query-string values of a request, for links to the other outputs of the same report.</summary>
    public static Dictionary<string, string> RouteValues(ReportRequest request) => new()
    {
        [nameof(Stichtag)] = request.Stichtag.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [nameof(FromYear)] = request.FromYear.ToString(CultureInfo.InvariantCulture),
        [nameof(ToYear)] = request.ToYear.ToString(CultureInfo.InvariantCulture),
    };

    public sealed class Validator : AbstractValidator<ReportInput>
    {
        public Validator(IStringLocalizer<SharedResource> l, TimeProvider time)
        {
            var today = time.TodayInGermany();
            RuleFor(x => x.Stichtag)
                .Must(s => s is not { } date || date <= today)
                .WithMessage(_ => l["Der Stichtag darf nicht in der Zukunft liegen."])
                .Must(s => s is not { } date || date.Year >= ReportRequest.FirstProgrammeYear)
                .WithMessage(_ => l["Der Stichtag muss im Jahr {0} oder später liegen; NesT begann 2019.", ReportRequest.FirstProgrammeYear]);
            RuleFor(x => x.FromYear)
                .Must((x, from) => from is not { } year || (year >= ReportRequest.FirstProgrammeYear && year <= (x.Stichtag ?? today).Year))
                .WithMessage(x => l["Das erste Jahr muss zwischen {0} und dem Jahr des Stichtags ({1}) liegen.", ReportRequest.FirstProgrammeYear, (x.Stichtag ?? today).Year]);
            RuleFor(x => x.ToYear)
                .Must((x, to) => to is not { } year || year >= (x.FromYear ?? ReportRequest.FirstProgrammeYear))
                .WithMessage(_ => l["Das letzte Jahr darf nicht vor dem ersten Jahr liegen."]);
        }
    }
}
