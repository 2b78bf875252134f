using FluentValidation;
using Microsoft.Extensions.Localization;
using NestPortal.Web.Reports;

namespace NestPortal.Web.Pages.Reports;

/// <summary>The recurring parliamentary questions answered from the report, as sentences and tables naming the Stichtag.</summary>
public sealed class AnswersModel(AnnualReportCache reports, IValidator<ReportInput> validator, TimeProvider time, IStringLocalizer<SharedResource> l)
    : ReportPageModel(reports, validator, time, l)
{
    public IReadOnlyList<ParliamentaryAnswer> Answers => Report is null ? [] : ParliamentaryAnswers.For(Report, Tables, L);
}
