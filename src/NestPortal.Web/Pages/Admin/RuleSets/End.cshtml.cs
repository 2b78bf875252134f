using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Programme;

namespace NestPortal.Web.Pages.Admin.RuleSets;

/// <summary>
/// An administrator ends the programme (as NesT ended in its form at the end of 2025): the latest rule
/// set ends on the last day and no successor follows, so from the day after no group can submit and no
/// match is made; what runs goes on. While no successor exists the end can be taken back here.
/// </summary>
public sealed class EndModel(
    NestPortalDbContext db, IStringLocalizer<SharedResource> l, IValidator<EndModel.EndInput> validator, ILogger<EndModel> logger) : PageModel
{
    [BindProperty] public EndInput Input { get; set; } = new();

    /// <summary>The rule set that ends with the programme; null only before any rules exist.</summary>
    public ProgrammeRuleSet? Latest { get; private set; }

    /// <summary>The last submission under <see cref="Latest"/>: the programme cannot end before it.</summary>
    public DateOnly? LastSubmissionUnderLatest { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync(db.RuleSets.AsNoTracking());
        Input.LastDay = Latest?.ValidUntil;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Tracked: the latest rule set's end is what is saved.
        var all = await LoadAsync(db.RuleSets);
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();
        var lastDay = Input.LastDay!.Value;
        if (!await db.TrySaveAsync(() => ProgrammeRuleSet.EndProgramme(all, lastDay, LastSubmissionUnderLatest), ModelState, l,
                new(Key: "Input.LastDay")))
        {
            await LoadAsync(db.RuleSets.AsNoTracking());
            return Page();
        }

        logger.LogInformation("Programme ended on {LastDay} with rule set {RuleSetId}", lastDay, Latest?.Id);
        TempData["Status"] = l["Das Programm endet mit dem {0:dd.MM.yyyy}. Danach sind keine Einreichungen und keine neuen Vermittlungen mehr möglich.", lastDay].Value;
        return RedirectToPage("/Admin/RuleSets");
    }

    /// <summary>Takes the end back: the latest rule set is open-ended again.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync()
    {
        var all = await LoadAsync(db.RuleSets);
        if (!await db.TrySaveAsync(() => ProgrammeRuleSet.WithdrawProgrammeEnd(all), ModelState, l, new()))
        {
            await LoadAsync(db.RuleSets.AsNoTracking());
            return Page();
        }

        logger.LogInformation("Programme end withdrawn for rule set {RuleSetId}", Latest?.Id);
        TempData["Status"] = l["Das Ende des Programms ist zurückgenommen; die Regeln „{0}“ gelten wieder ohne Ende.", Latest!.Name].Value;
        return RedirectToPage("/Admin/RuleSets");
    }

    private async Task<List<ProgrammeRuleSet>> LoadAsync(IQueryable<ProgrammeRuleSet> ruleSets)
    {
        var all = await ruleSets.ToListAsync();
        Latest = all.MaxBy(r => r.ValidFrom);
        LastSubmissionUnderLatest = Latest is null ? null : await RuleSetUsage.LastSubmissionUnderAsync(db, Latest.Id);
        return all;
    }

    /// <summary>The programme's last day as typed, and the confirmation that nothing new starts after it.</summary>
    public sealed class EndInput
    {
        [Display(Name = "Letzter Tag des Programms")]
        public DateOnly? LastDay { get; set; }

        public bool Confirmed { get; set; }

        public sealed class Validator : AbstractValidator<EndInput>
        {
            public Validator(IStringLocalizer<SharedResource> l)
            {
                RuleFor(x => x.LastDay).NotNull().WithName(_ => l["Letzter Tag des Programms"]);
                RuleFor(x => x.Confirmed).Equal(true)
                    .WithMessage(_ => l["Bitte bestätigen Sie, dass nach diesem Tag keine Gruppen mehr eingereicht und keine Familien mehr vermittelt werden."]);
            }
        }
    }
}
