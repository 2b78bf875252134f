using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Common;
using NestPortal.Domain.Sponsorships;

namespace NestPortal.Web.Import;

public sealed partial class ImportBuilder
{
    private readonly List<LedgerRow> _ledgerRows = [];
    private readonly Dictionary<string, EscrowEntry> _entries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _corrected = new(StringComparer.Ordinal);

    /// <summary>A parsed ledger row; applied after the sheet is read, per sponsorship in value-date order.</summary>
    private sealed record LedgerRow(ImportRow Row, string Reference, Sponsorship Sponsorship, EscrowEntryKind Kind, decimal? Amount,
        DateOnly ValueDate, DateOnly? RentMonth, string? Text, string? Corrects);

    private async Task EntryRowAsync(ImportRow row, string reference)
    {
        var sponsorshipReference = row.RequiredText("Patenschaft");
        var kind = row.Choice("Art", ImportWords.EntryKinds, required: true);
        var amount = row.Amount("Betrag");
        var valueDate = row.RequiredDate("Wertstellung");
        var month = row.Month("Mietmonat");
        var text = row.Text("Verwendungszweck");
        var corrects = row.Text("Korrigiert");
        switch (kind)
        {
            case EscrowEntryKind.Deposit or EscrowEntryKind.Refund when amount is null:
                row.Error("Betrag", l["Die Spalte „{0}“ ist leer; sie muss ausgefüllt sein.", "Betrag"]);
                break;
            case EscrowEntryKind.RentPayment when month is null:
                row.Error("Mietmonat", l["Die Spalte „{0}“ ist leer; sie muss ausgefüllt sein.", "Mietmonat"]);
                break;
            case EscrowEntryKind.Correction when corrects is null:
                row.Error("Korrigiert", l["Die Spalte „{0}“ ist leer; sie muss ausgefüllt sein.", "Korrigiert"]);
                break;
        }

        if (amount is not null && kind is EscrowEntryKind.RentPayment or EscrowEntryKind.Correction)
            row.Error("Betrag", l["Für Miete und Korrektur steht der Betrag fest; bitte lassen Sie die Spalte „Betrag“ leer."]);
        if (row.Failed || kind is not { } entryKind) return;
        var sponsorship = await SponsorshipAsync(row, "Patenschaft", sponsorshipReference);
        if (sponsorship is null) return;
        _ledgerRows.Add(new LedgerRow(row.ForgetCells(), reference, sponsorship, entryKind, amount, valueDate, month, text, corrects));
    }

    /// <summary>
    /// Books the rows of each sponsorship in value-date order with the ledger's own rules, and ends the
    /// sponsorships whose row names an end, in the order they ended, each right after its own ledger (a
    /// completed account takes no entries); then the ledgers of the sponsorships that did not end. The
    /// commit saves every <see cref="SaveEvery"/> sponsorships and lets go of them, so a history's ledger is
    /// never held whole (ADR 0009, amendment): each sponsorship's balance and end are still one save, one
    /// audit entry.
    /// </summary>
    private async Task FinishEntriesAndEndingsAsync(CancellationToken cancellationToken)
    {
        var ledgers = new Dictionary<Sponsorship, List<LedgerRow>>(ReferenceEqualityComparer.Instance);
        var order = new List<Sponsorship>();
        foreach (var ledgerRow in _ledgerRows)
        {
            if (!ledgers.TryGetValue(ledgerRow.Sponsorship, out var rows))
            {
                ledgers[ledgerRow.Sponsorship] = rows = [];
                order.Add(ledgerRow.Sponsorship);
            }

            rows.Add(ledgerRow);
        }

        // Only an entry a correction names is looked up again; the others need not be remembered.
        _corrected.UnionWith(_ledgerRows.Where(r => r.Corrects is not null).Select(r => r.Corrects!));
        _ledgerRows.Clear();
        _sponsorships.Clear();
        var endings = _endings.OrderBy(e => e.Ending.EndedOn).ThenBy(e => e.Row.Number).ToList();
        _endings.Clear();

        var finished = 0;
        for (var i = 0; i < endings.Count; i++)
        {
            var (row, sponsorship, group, ending) = endings[i];
            endings[i] = default;
            if (ledgers.Remove(sponsorship, out var rows)) BookAll(rows);
            End(row, sponsorship, group, ending);
            if (++finished % SaveEvery == 0) await SaveBatchAsync(cancellationToken);
        }

        foreach (var sponsorship in order)
        {
            if (!ledgers.Remove(sponsorship, out var rows)) continue;
            BookAll(rows);
            if (++finished % SaveEvery == 0) await SaveBatchAsync(cancellationToken);
        }

        await SaveBatchAsync(cancellationToken);
        _entries.Clear();
        _corrected.Clear();
    }

    private void BookAll(List<LedgerRow> rows)
    {
        foreach (var ledgerRow in rows.OrderBy(r => r.ValueDate).ThenBy(r => r.Row.Number))
            Book(ledgerRow);
    }

    private void Book(LedgerRow ledgerRow)
    {
        var (row, reference, sponsorship, kind, amount, valueDate, month, text, corrects) = ledgerRow;
        try
        {
            Track(sponsorship);
            var entry = kind switch
            {
                EscrowEntryKind.Deposit => sponsorship.RecordDeposit(amount!.Value, valueDate, text ?? string.Empty, run.Today, run.Actor, run.NowUtc),
                EscrowEntryKind.RentPayment => sponsorship.PayRent(month!.Value, valueDate, run.Actor, run.NowUtc),
                EscrowEntryKind.Refund => sponsorship.Refund(amount!.Value, text ?? string.Empty, valueDate, run.Actor, run.NowUtc),
                _ => CorrectEntry(row, sponsorship, corrects!, text, valueDate),
            };
            if (entry is null) return;
            if (_corrected.Contains(reference)) _entries[reference] = entry;
            Record("EscrowEntry", reference, () => entry.Id);
        }
        catch (DomainException exception)
        {
            row.Error(null, exception);
        }
    }

    private EscrowEntry? CorrectEntry(ImportRow row, Sponsorship sponsorship, string corrects, string? reason, DateOnly valueDate)
    {
        var corrected = _entries.GetValueOrDefault(corrects) ?? EarlierEntry(sponsorship, corrects);
        if (corrected is null)
        {
            row.Error("Korrigiert", l["Die Buchung „{0}“ gibt es in diesem Mietkonto weder in dieser Datei noch aus einem früheren Import.", corrects]);
            return null;
        }

        return sponsorship.Correct(corrected, reason ?? string.Empty, valueDate, run.Actor, run.NowUtc);
    }

    private EscrowEntry? EarlierEntry(Sponsorship sponsorship, string reference)
    {
        var id = db.ImportedRecords.AsNoTracking().Where(r => r.Kind == "EscrowEntry" && r.ExternalReference == reference)
            .Select(r => (int?)r.EntityId).FirstOrDefault();
        return id is { } entryId ? sponsorship.Entries.FirstOrDefault(e => e.Id == entryId) : null;
    }
}
