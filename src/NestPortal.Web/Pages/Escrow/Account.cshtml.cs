using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Escrow;

/// <summary>
/// One escrow account as staff see it: the bank account, where it stands against the rent period,
/// every entry and rent change, the booking forms, and confirming it is ready for the household's arrival.
/// </summary>
public sealed class AccountModel(NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l, Banking.Reconciler reconciler)
    : EscrowPageModel(db, time, l)
{
    /// <summary>Staff tick this to say they checked the balance before confirming; the confirmation cannot be taken back.</summary>
    [BindProperty] public bool ConfirmReady { get; set; }

    public string MunicipalityLabel { get; private set; } = string.Empty;

    public IReadOnlyList<Domain.Banking.ReconciliationWarning> ReconciliationWarnings { get; private set; } = [];

    /// <summary>The entries in booking order, the order the bank statement has them.</summary>
    public IReadOnlyList<EscrowEntry> Entries => Sponsorship.Entries.OrderBy(e => e.Id).ToList();

    public bool IsRunning => Sponsorship.Status == SponsorshipStatus.Running;

    /// <summary>The correction that reversed <paramref name="entry"/>, if one did.</summary>
    public EscrowEntry? CorrectionOf(EscrowEntry entry) =>
        Sponsorship.Entries.FirstOrDefault(c => c.Kind == EscrowEntryKind.Correction && c.Reverses(entry));

    public bool CanCorrect(EscrowEntry entry) => IsRunning && entry.Kind != EscrowEntryKind.Correction && CorrectionOf(entry) is null;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var result = await ShowFormAsync(id);
        if (result is PageResult) await DescribeAsync();
        return result;
    }

    public async Task<IActionResult> OnPostReadyAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        // A second click on the button (or a colleague's) finds it done: nothing to do, no error.
        if (Sponsorship.ReadyForArrivalOn is not null) return Done(L["Das Mietkonto war bereits als bereit zur Einreise bestätigt."], id);
        if (!ConfirmReady)
        {
            ModelState.AddModelError(nameof(ConfirmReady), L["Bitte bestätigen Sie, dass Sie den Kontostand geprüft haben."]);
            await DescribeAsync();
            return Page();
        }

        if (await TryChangeAsync(() => Sponsorship.MarkReadyForArrival(Today),
                L["Die Mentoring-Übernahme wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu und prüfen Sie Ihre Eingaben."]))
            return Done(L["Das Mietkonto ist als bereit zur Einreise bestätigt."], id);

        await DescribeAsync();
        return Page();
    }

    private async Task DescribeAsync()
    {
        MunicipalityLabel = await MunicipalityLookup.LabelAsync(Db, Sponsorship.Apartment.MunicipalityAgs)
                            ?? Sponsorship.Apartment.MunicipalityAgs.Value;
        ReconciliationWarnings = (await reconciler.LoadAsync(Sponsorship)).Warnings;
    }
}
