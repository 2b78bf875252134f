using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Municipalities;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Outreach;

/// <summary>What the create and edit pages share: the form, the municipality picker and the checks before the domain's own.</summary>
public abstract class OutreachFormModel(
    NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l, IValidator<OutreachInput> validator) : PageModel
{
    protected NestPortalDbContext Db => db;
    protected IStringLocalizer<SharedResource> L => l;
    protected DateOnly Today => time.TodayInGermany();
    protected DateTime UtcNow => time.UtcNow();

    [BindProperty] public OutreachInput Input { get; set; } = new();

    public IReadOnlyList<MunicipalityChoice> Choices { get; private set; } = [];

    protected async Task LoadChoicesAsync() => Choices = await MunicipalityChoice.AllAsync(db);

    /// <summary>
    /// Checks the input and that every posted AGS is one of the NRW municipalities (a forged or stale
    /// form must not name others); null with the errors in ModelState otherwise. Unknown keys go to the
    /// summary, which lists them all (a field shows only its first error).
    /// </summary>
    protected async Task<(List<Ags> Invited, List<Ags> Informed)?> CheckedMunicipalitiesAsync()
    {
        await LoadChoicesAsync();
        await validator.ValidateIntoAsync(Input, ModelState);
        var known = Choices.Select(c => c.Ags).ToHashSet(StringComparer.Ordinal);
        foreach (var unknown in Input.Invited.Concat(Input.Informed).Select(a => a.Trim()).Where(a => !known.Contains(a)).Distinct())
            ModelState.AddModelError(string.Empty, l["„{0}“ ist keine Kommune in Nordrhein-Westfalen.", unknown]);
        if (!ModelState.IsValid) return null;
        return (Input.Invited.Select(Ags.Parse).ToList(), Input.Informed.Select(Ags.Parse).ToList());
    }
}
