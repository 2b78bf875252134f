using System.Globalization;
using Microsoft.Extensions.Localization;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Infrastructure.Downloads;

namespace NestPortal.Web.Pages.Groups;

/// <summary>One line of the group's statement: an entry as booked, with the balance after it.</summary>
public sealed record StatementLine(DateOnly ValueDate, string Kind, DateOnly? RentMonth, string Reference, decimal Amount, decimal BalanceAfter, bool Corrected);

/// <summary>
/// The group's read-only statement of its escrow account: the lines in booking order (so the running
/// balance adds up), and the same lines as CSV for a spreadsheet.
/// </summary>
public static class EscrowStatement
{
    public static IReadOnlyList<StatementLine> Lines(Sponsorship sponsorship, IStringLocalizer l)
    {
        var balance = 0m;
        return sponsorship.Entries.OrderBy(e => e.Id).Select(e =>
        {
            balance += e.Amount;
            return new StatementLine(e.ValueDate, EscrowTexts.Kind(l, e.Kind), e.RentMonth, e.Reference, e.Amount, balance,
                sponsorship.IsCorrected(e));
        }).ToList();
    }

    /// <summary>
    /// Semicolon-separated with a header row, numbers and dates in German format (what a German
    /// spreadsheet reads as numbers), UTF-8 with a byte-order mark so umlauts survive opening it.
    /// </summary>
    public static async Task WriteCsvAsync(Stream output, IReadOnlyList<StatementLine> lines, IStringLocalizer l, CancellationToken cancellationToken)
    {
        await using var csv = new GermanCsvWriter(output);
        string[] headers = [l["Datum"], l["Art"], l["Monat"], l["Verwendungszweck"], l["Betrag in €"], l["Saldo in €"]];
        await csv.WriteRowAsync(headers.Select(GermanCsvWriter.Text), cancellationToken);
        foreach (var line in lines)
        {
            await csv.WriteRowAsync([
                GermanCsvWriter.Date(line.ValueDate),
                GermanCsvWriter.Text(line.Corrected ? $"{line.Kind} ({l["korrigiert"]})" : line.Kind),
                line.RentMonth?.ToString("MM.yyyy", CultureInfo.InvariantCulture) ?? string.Empty,
                // The reference is typed by people outside the portal, on the bank transfer.
                GermanCsvWriter.Text(line.Reference),
                GermanCsvWriter.Money(line.Amount),
                GermanCsvWriter.Money(line.BalanceAfter),
            ], cancellationToken);
        }
    }

    /// <summary>A file name from the household reference, with nothing a file system or header could trip over.</summary>
    public static string FileName(string householdReference) =>
        "Mietkonto-" + new string(householdReference.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray()) + ".csv";
}
