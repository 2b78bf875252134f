using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.Reports;

namespace NestPortal.Web.Pages.Reports;

/// <summary>
/// The report's query string (Stichtag, von Jahr, bis Jahr), bound and checked once for the report pages and
/// the exports alike, so the files are asked with exactly the parameters the screen accepts.
/// </summary>
public abstract class ReportQueryPageModel(IValidator<ReportInput> validator, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Stichtag")]
    public DateOnly? Stichtag { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "von Jahr")]
    public int? FromYear { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "bis Jahr")]
    public int? ToYear { get; set; }

    /// <summary>The request with its defaults, or null with the reasons in ModelState (a value that did not bind, a rule of <see cref="ReportInput.Validator"/>).</summary>
    protected async Task<ReportRequest?> ValidRequestAsync()
    {
        var input = new ReportInput { Stichtag = Stichtag, FromYear = FromYear, ToYear = ToYear };
        if (!ModelState.IsValid || !await validator.ValidateIntoAsync(input, ModelState, prefix: string.Empty)) return null;
        return input.ToRequest(time.TodayInGermany());
    }
}
