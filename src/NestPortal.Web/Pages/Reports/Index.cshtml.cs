using FluentValidation;
using Microsoft.Extensions.Localization;
using NestPortal.Web.Reports;

namespace NestPortal.Web.Pages.Reports;

/// <summary>The yearly report on screen: the form, the charts of the yearly series and every table.</summary>
public sealed class IndexModel(AnnualReportQuery query, IValidator<ReportInput> validator, TimeProvider time, IStringLocalizer<SharedResource> l)
    : ReportPageModel(query, validator, time, l);
