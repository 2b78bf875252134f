using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Common;
using NestPortal.Domain.Sponsorships;

namespace NestPortal.Web.Import;

public sealed partial class ImportBuilder
{
    private readonly List<LedgerRow> _ledgerRows = [];
    private readonly Dictionary<string, EscrowEntry> _entries = new(StringComparer.Ordinal);

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
        _ledgerRows.Add(new LedgerRow(row, reference, sponsorship, entryKind, amount, valueDate, month, text, corrects));
    }

    /// <summary>Books the rows of each sponsorship in value-date order with the ledger's own rules.</summary>
    private void FinishEntries()
    {
        foreach (var rows in _ledgerRows.GroupBy(r => r.Sponsorship))
        {
            foreach (var ledgerRow in rows.OrderBy(r => r.ValueDate).ThenBy(r => r.Row.Number))
                Book(ledgerRow);
        }

        _ledgerRows.Clear();
    }

    private void Book(LedgerRow ledgerRow)
    {
        var (row, reference, sponsorship, kind, amount, valueDate, month, text, corrects) = ledgerRow;
        try
        {
            var entry = kind switch
            {
                EscrowEntryKind.Deposit => sponsorship.RecordDeposit(amount!.Value, valueDate, text ?? string.Empty, run.Today, run.Actor, run.NowUtc),
                EscrowEntryKind.RentPayment => sponsorship.PayRent(month!.Value, valueDate, run.Actor, run.NowUtc),
                EscrowEntryKind.Refund => sponsorship.Refund(amount!.Value, text ?? string.Empty, valueDate, run.Actor, run.NowUtc),
                _ => CorrectEntry(row, sponsorship, corrects!, text, valueDate),
            };
            if (entry is null) return;
            _entries[reference] = entry;
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
