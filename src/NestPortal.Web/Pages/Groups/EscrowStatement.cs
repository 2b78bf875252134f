using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Pages.Escrow;

namespace NestPortal.Web.Pages.Groups;

/// <summary>One line of the group's statement: an entry as booked, with the balance after it.</summary>
public sealed record StatementLine(DateOnly ValueDate, string Kind, DateOnly? RentMonth, string Reference, decimal Amount, decimal BalanceAfter, bool Corrected);

/// <summary>
/// The group's read-only statement of its escrow account: the lines in booking order (so the running
/// balance adds up), and the same lines as CSV for a spreadsheet.
/// </summary>
public static class EscrowStatement
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static IReadOnlyList<StatementLine> Lines(Sponsorship sponsorship, IStringLocalizer l)
    {
        var balance = 0m;
        return sponsorship.Entries.OrderBy(e => e.Id).Select(e =>
        {
            balance += e.Amount;
            return new StatementLine(e.ValueDate, Escrow.EscrowTexts.Kind(l, e.Kind), e.RentMonth, e.Reference, e.Amount, balance,
                sponsorship.IsCorrected(e));
        }).ToList();
    }

    /// <summary>
    /// Semicolon-separated with a header row, numbers and dates in German format (what a German
    /// spreadsheet reads as numbers), UTF-8 with a byte-order mark so umlauts survive opening it.
    /// </summary>
    public static byte[] Csv(IReadOnlyList<StatementLine> lines, IStringLocalizer l)
    {
        var csv = new StringBuilder();
        Row(csv, l["Datum"], l["Art"], l["Monat"], l["Verwendungszweck"], l["Betrag in €"], l["Saldo in €"]);
        foreach (var line in lines)
        {
            Row(csv, line.ValueDate.ToString("dd.MM.yyyy", German),
                line.Corrected ? $"{line.Kind} ({l["korrigiert"]})" : line.Kind,
                line.RentMonth?.ToString("MM/yyyy", German) ?? string.Empty,
                line.Reference,
                line.Amount.ToString("N2", German),
                line.BalanceAfter.ToString("N2", German));
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>A file name from the household reference, with nothing a file system or header could trip over.</summary>
    public static string FileName(string householdReference) =>
        "Mietkonto-" + new string(householdReference.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray()) + ".csv";

    private static void Row(StringBuilder csv, params string[] cells) =>
        csv.Append(string.Join(';', cells.Select(Cell))).Append("\r\n");

    /// <summary>
    /// Quotes what would break the row, and defuses text a spreadsheet would run as a formula (the
    /// reference is typed by people outside the portal, on the bank transfer).
    /// </summary>
    private static string Cell(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !decimal.TryParse(text, NumberStyles.Number, German, out _))
            text = "'" + text;
        return text.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
