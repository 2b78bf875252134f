using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Authorization;
using NestPortal.Web.Infrastructure;
using NestPortal.Web.Notifications;

namespace NestPortal.Web.Pages.Escrow;

/// <summary>
/// Staff record a new monthly net cold rent from an effective month. When the account then no longer
/// covers the remaining rent, the group's active main contacts and the competence centre's mailbox are
/// told (message and mail), queued with the change itself so neither is saved without the other.
/// </summary>
/// <remarks>A rent change is no ledger entry, so it has no form key: the stamp alone refuses a second submission.</remarks>
public sealed class RentChangeModel(NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l,
    IValidator<RentChangeModel.RentChangeInput> validator, Notifier notifier, ILogger<RentChangeModel> logger)
    : EscrowPageModel(db, time, l)
{
    [BindProperty] public RentChangeInput Input { get; set; } = new();

    public Task<IActionResult> OnGetAsync(int id) => ShowFormAsync(id);

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!await validator.ValidateIntoAsync(Input, ModelState)) return Page();
        var month = EffectiveMonth.Parse(Input.EffectiveMonth)!.Value;
        var rent = DecimalInput.Parse(Input.Rent)!.Value;
        EscrowPosition? after = null;
        if (await TryChangeAsync(() => after = Sponsorship.ChangeRent(month, rent, User.ToActor(), UtcNow),
                L["Auf dem Mietkonto wurde inzwischen gebucht. Bitte prüfen Sie den neuen Stand und senden Sie das Formular erneut."],
                () => after!.IsUnderfunded ? NotifyShortfallAsync(month, rent, after) : Task.CompletedTask))
        {
            logger.LogInformation("Rent of sponsorship {SponsorshipId} changed from {Month}; shortfall {Shortfall}", id, month, after!.Shortfall);
            return Done(after.IsUnderfunded
                ? L["Die neue Miete ist gespeichert. Das Mietkonto ist nicht mehr gedeckt: Es fehlen {0}. Die Gruppe und das Kompetenzzentrum werden per E-Mail informiert.", DecimalInput.Euros(after.Shortfall)]
                : L["Die neue Miete ist gespeichert. Das Mietkonto ist weiterhin gedeckt."], id);
        }

        // Refused: the change (and any mail queued with it) is dropped; the form shows the saved account.
        return Page();
    }

    /// <summary>Who hears of a shortfall: the group's active main contacts, and the competence centre.</summary>
    private async Task NotifyShortfallAsync(DateOnly month, decimal rent, EscrowPosition after)
    {
        var notice = SponsorshipNotices.Shortfall(Sponsorship.Id, Sponsorship.GroupId, HouseholdReference, after.Shortfall, after.MonthsRemaining,
            new SponsorshipNotices.RentChanged(month, rent));
        await notifier.ToGroupContactsAsync(Sponsorship.GroupId, notice);
        await notifier.ToCompetenceCentreAsync(notice);
    }

    public sealed class RentChangeInput
    {
        /// <summary>"2027-03" from a month input, or typed as "03.2027".</summary>
        public string EffectiveMonth { get; set; } = string.Empty;

        /// <summary>Kept as typed ("712,40"), parsed in the page's language.</summary>
        public string Rent { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<RentChangeInput>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.EffectiveMonth).Must(m => EffectiveMonth.Parse(m) is not null)
                .WithMessage(_ => l["Bitte geben Sie den Monat an, ab dem die neue Miete gilt, z. B. {0}.", "03.2027"]);
            RuleFor(x => x.Rent).Must(r => DecimalInput.TryParse(r, out _))
                .WithMessage(_ => l["Bitte geben Sie die Nettokaltmiete in Euro und Cent an, z. B. {0}.", DecimalInput.Format(650.5m, "0.00")]);
        }
    }
}

/// <summary>A month as a month input sends it ("2027-03") or as people type it ("03.2027", "3/2027"): its first day.</summary>
public static class EffectiveMonth
{
    private static readonly string[] Formats = ["yyyy-MM", "MM.yyyy", "M.yyyy", "MM/yyyy", "M/yyyy"];

    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : null;
}
