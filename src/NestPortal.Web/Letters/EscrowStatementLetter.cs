using System.Globalization;
using Microsoft.Extensions.Options;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Legal;
using NestPortal.Web.Pages.Groups;
using PdfSharp.UniversalAccessibility;

namespace NestPortal.Web.Letters;

/// <summary>
/// The group's escrow statement (Kontoauszug Mietkonto) as a PDF letter, as of the day it is asked for.
/// Unlike a decision it states no act, so it is written on request and not stored (ADR 0023); the ledger
/// it is made from never changes (ADR 0007), so the same day gives the same figures.
/// </summary>
public sealed class EscrowStatementLetter(IOptions<LetterOptions> letters, IOptions<OperatorOptions> sender)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static string FileName(string householdReference) =>
        Path.ChangeExtension(EscrowStatement.FileName(householdReference), ".pdf");

    public byte[] Render(string groupName, string householdReference, Sponsorship sponsorship, EscrowPosition position,
        IReadOnlyList<StatementLine> lines, DateOnly asOf)
    {
        var texts = letters.Value.Statement;
        var from = sender.Value;
        string Money(decimal amount) => amount.ToString("N2", German) + " €";

        using var pdf = new PdfLetter($"{texts.Title} – {householdReference}", from.Name);
        pdf.Head(from, [$"Mentoring-Gruppe „{groupName}“"],
            [$"Familie: {householdReference}", $"Stand: {asOf.ToString("dd.MM.yyyy", German)}"]);
        pdf.HeadingLine(texts.Title, pdf.Title, PdfBlockLevelElementTag.Heading1);
        pdf.Paragraph(LetterOptions.Fill(texts.Intro, new Dictionary<string, string>
        {
            ["Kontoinhaber"] = sponsorship.EscrowAccount.AccountHolder, ["IBAN"] = sponsorship.EscrowAccount.Iban.ToString(),
            ["Datum"] = asOf.ToString("dd.MM.yyyy", German),
        }));
        pdf.Table(["Datum", "Art", "Monat", "Verwendungszweck", "Betrag", "Saldo"],
            lines.Select(l => (IReadOnlyList<string>)[
                l.ValueDate.ToString("dd.MM.yyyy", German), l.Corrected ? l.Kind + " (korrigiert)" : l.Kind,
                l.RentMonth?.ToString("MM.yyyy", German) ?? "", l.Reference, Money(l.Amount), Money(l.BalanceAfter)]).ToList(),
            [0.14, 0.2, 0.1, 0.26, 0.15, 0.15]);
        pdf.Paragraph($"Saldo: {Money(position.Balance)} · Eingezahlt: {Money(position.Deposited)} · Miete gezahlt: {Money(position.RentPaid)} ({position.MonthsPaid} Monate)"
                      + $" · Noch offen: {position.MonthsRemaining} Monate, {Money(position.RemainingRent)}", pdf.Strong);
        if (position.IsUnderfunded) pdf.Paragraph(LetterOptions.Fill(texts.Shortfall, new Dictionary<string, string> { ["Betrag"] = Money(position.Shortfall) }), pdf.Strong);
        return pdf.ToBytes();
    }
}
