using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NestPortal.Web.Privacy;

namespace NestPortal.Web.Pages.Admin.Retention;

/// <summary>
/// What is due for erasure today (the dry run: shown, nothing changed) and the erasure itself, after a
/// confirmation. The nightly job does the same; this page lets an administrator see and do it now.
/// Households are named by their case reference only: administrators see no refugee data.
/// </summary>
public sealed class IndexModel(
    Erasure erasure, TimeProvider time, IOptions<RetentionOptions> options, IStringLocalizer<SharedResource> l,
    IValidator<IndexModel.EraseInput> validator, ILogger<IndexModel> logger) : PageModel
{
    /// <summary>The lists show this many rows; the counts above them say how many there are.</summary>
    public const int ListSize = 100;

    [BindProperty] public EraseInput Input { get; set; } = new();

    public ErasurePlan Plan { get; private set; } = null!;
    public RetentionOptions Periods => options.Value;

    public async Task OnGetAsync() => Plan = await erasure.PlanAsync(time.TodayInGermany(), HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await validator.ValidateIntoAsync(Input, ModelState))
        {
            await OnGetAsync();
            return Page();
        }

        var done = await erasure.RunAsync(time.TodayInGermany(), HttpContext.RequestAborted);
        logger.LogInformation("Erasure started by hand: {Households} households, {Groups} groups", done.Households.Count, done.Groups.Count);
        TempData["Status"] = done.IsEmpty
            ? l["Es war nichts zu löschen."].Value
            : l["Gelöscht: {0}, {1}, {2}, {3}, {4}, {5}, {6}.",
                l.Count(done.Households.Count, "{0} Familie", "{0} Familien"), l.Count(done.Groups.Count, "{0} Gruppe", "{0} Gruppen"),
                l.Count(done.MemberAccounts, "{0} Konto von Mitgliedern", "{0} Konten von Mitgliedern"),
                l.Count(done.UnconfirmedAccounts, "{0} unbestätigte Registrierung", "{0} unbestätigte Registrierungen"),
                l.Count(done.ImportFiles, "{0} Importdatei oder Problemliste", "{0} Importdateien oder Problemlisten"),
                l.Count(done.MailBodies, "{0} Mailtext", "{0} Mailtexte"), l.Count(done.JobRecords, "{0} Eintrag der Hintergrundaufträge", "{0} Einträge der Hintergrundaufträge")].Value;
        return RedirectToPage();
    }

    /// <summary>The confirmation that the list was checked: erasure cannot be undone.</summary>
    public sealed class EraseInput
    {
        [Display(Name = "Ich habe die Liste geprüft. Die Löschung kann nicht rückgängig gemacht werden.")]
        public bool Confirmed { get; set; }

        public sealed class Validator : AbstractValidator<EraseInput>
        {
            public Validator(IStringLocalizer<SharedResource> l) =>
                RuleFor(x => x.Confirmed).Equal(true)
                    .WithMessage(_ => l["Bitte bestätigen Sie, dass Sie die Liste geprüft haben; die Löschung kann nicht rückgängig gemacht werden."]);
        }
    }
}
