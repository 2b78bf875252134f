using FluentValidation;
using Microsoft.Extensions.Localization;
using NestPortal.Web.Reports;

namespace NestPortal.Web.Pages.Reports;

/// <summary>Every table of the report on one page for printing, without the portal's navigation.</summary>
public sealed class PrintModel(AnnualReportCache reports, IValidator<ReportInput> validator, TimeProvider time, IStringLocalizer<SharedResource> l)
    : ReportPageModel(reports, validator, time, l);
