using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NestPortal.Data;
using NestPortal.Domain.Banking;
using NestPortal.Domain.Common;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Authorization;
using NestPortal.Web.Banking;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Pages.Escrow;

/// <summary>
/// A rent account against its bank statements (ADR 0025): per rent month expected, paid at the bank and the
/// difference; the latest closing balance against the ledger's; debits nobody explains. Staff match by hand,
/// say a booking needs no statement (with a reason, audited), and download the month's credit transfer file
/// where a trustee pays.
/// </summary>
public sealed class ReconciliationModel(NestPortalDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l, Reconciler reconciler)
    : EscrowPageModel(db, time, l)
{
    public AccountReconciliation Reconciliation { get; private set; } = null!;
    public IReadOnlyList<BankStatementRow> Statements { get; private set; } = [];
    public IReadOnlyDictionary<int, BankEntry> BankEntries { get; private set; } = new Dictionary<int, BankEntry>();

    /// <summary>The reason typed into a "no statement needed" form, kept when it is refused.</summary>
    [BindProperty] public string? Reason { get; set; }

    /// <summary>The rent months a credit transfer file can be made for: those the ledger paid.</summary>
    public IReadOnlyList<DateOnly> TransferMonths => Sponsorship.Entries
        .Where(e => e.Kind == EscrowEntryKind.RentPayment && !Sponsorship.IsCorrected(e)).Select(e => e.RentMonth!.Value).OrderDescending().ToList();

    public sealed record BankStatementRow(string StatementId, string FileName, DateOnly? FromDate, DateOnly? ToDate, decimal? ClosingBalance,
        int EntriesAdded, int EntriesAlreadyKnown, DateTime UploadedAtUtc, string UploadedByName);

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        await DescribeAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostMatchAsync(int id, int bankEntryId, int escrowEntryId)
    {
        if (!await LoadAsync(id)) return NotFound();
        await DescribeAsync();
        return await SaveAsync(() => Db.BankMatches.Add(Reconciliation.MatchManually(bankEntryId, escrowEntryId, User.ToActor(), UtcNow)),
            L["Die Buchung ist dem Kontoauszug zugeordnet."], id);
    }

    public async Task<IActionResult> OnPostWaiveAsync(int id, int? escrowEntryId, int? bankEntryId)
    {
        if (!await LoadAsync(id)) return NotFound();
        await DescribeAsync();
        return await SaveAsync(() => Db.BankWaivers.Add(Reconciliation.Waive(escrowEntryId, bankEntryId, Reason ?? string.Empty, User.ToActor(), UtcNow)),
            L["Vermerkt: kein Kontoauszug nötig."], id);
    }

    /// <summary>The month's rent payment as an ISO 20022 pain.001.001.09 file for the trustee's online banking.</summary>
    public async Task<IActionResult> OnGetCreditTransferAsync(int id, string? month)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!DateOnly.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            || RentTransfer.Of(Sponsorship, first) is not { } transfer)
            return NotFound();
        var messageId = string.Create(CultureInfo.InvariantCulture, $"NEST-{id}-{first:yyyyMM}-{UtcNow:yyyyMMddHHmmss}");
        var file = CreditTransferFile.Write([transfer], messageId, UtcNow, Today, transfer.DebtorName);
        return File(file, CreditTransferFile.ContentType, CreditTransferFile.FileName(first));
    }

    private async Task<IActionResult> SaveAsync(Action add, string done, int id)
    {
        try
        {
            add();
            await Db.SaveChangesAsync();
        }
        catch (DomainException exception)
        {
            foreach (var error in exception.Errors) ModelState.AddModelError(string.Empty, L[error.Template, error.Arguments]);
            return Page();
        }
        catch (DbUpdateException)
        {
            // The unique indexes: someone matched or waived the same booking at the same moment.
            ModelState.AddModelError(string.Empty, L["Die Buchung wurde inzwischen von jemand anderem zugeordnet. Bitte prüfen Sie den neuen Stand."]);
            Db.ChangeTracker.Clear();
            await LoadAsync(id);
            await DescribeAsync();
            return Page();
        }

        return Done(done, id);
    }

    private async Task DescribeAsync()
    {
        Reconciliation = await reconciler.LoadAsync(Sponsorship);
        var id = Sponsorship.Id;
        BankEntries = await Db.BankEntries.AsNoTracking().Where(e => e.SponsorshipId == id).ToDictionaryAsync(e => e.Id);
        Statements = await Db.BankStatements.AsNoTracking().Where(s => s.SponsorshipId == id).OrderByDescending(s => s.Id)
            .Select(s => new BankStatementRow(s.StatementId, s.FileName, s.FromDate, s.ToDate, s.ClosingBalance, s.EntriesAdded, s.EntriesAlreadyKnown,
                s.UploadedAtUtc, s.UploadedByName))
            .ToListAsync();
    }
}
