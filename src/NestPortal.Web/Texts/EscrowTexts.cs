using Microsoft.Extensions.Localization;
using NestPortal.Domain.Banking;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Texts;

/// <summary>
/// The words and figures people see for an escrow account's ledger, in one place for the staff pages
/// and the group's statement alike.
/// </summary>
public static class EscrowTexts
{
    public static string Kind(IStringLocalizer l, EscrowEntryKind kind) => kind switch
    {
        EscrowEntryKind.Deposit => l["Einzahlung"],
        EscrowEntryKind.RentPayment => l["Mietzahlung"],
        EscrowEntryKind.Refund => l["Rückzahlung"],
        EscrowEntryKind.Correction => l["Korrektur"],
        _ => kind.ToString(),
    };

    public static string Status(IStringLocalizer l, SponsorshipStatus status) =>
        status == SponsorshipStatus.Running ? l["läuft"] : l["abgeschlossen"];

    /// <summary>An entry's effect on the balance with its sign ("+1.000,00 €", "-650,00 €"), so the sign is not told by colour alone.</summary>
    public static string SignedEuros(decimal amount) => (amount > 0 ? "+" : string.Empty) + DecimalInput.Euros(amount);

    /// <summary>The month a rent payment is for ("Oktober 2020"), empty for other entries.</summary>
    public static string RentMonth(EscrowEntry entry) => entry.RentMonth?.ToString("MMMM yyyy") ?? string.Empty;

    /// <summary>A reconciliation warning in a sentence: on the account's pages and in the competence centre's message alike.</summary>
    public static string ReconciliationWarning(IStringLocalizer l, ReconciliationWarning warning) => warning.Kind switch
    {
        ReconciliationWarningKind.RentMonthUnconfirmed => l["Die Miete für {0:MM/yyyy} ({1}) ist durch keinen Kontoauszug bestätigt.", warning.Date, DecimalInput.Euros(warning.Amount)],
        ReconciliationWarningKind.BankBalanceBelowLedger => l["Der Kontostand laut Bank am {0:dd.MM.yyyy} liegt {1} unter dem Stand des Mietkontos.", warning.Date, DecimalInput.Euros(-warning.Amount)],
        _ => l["Unbekannte Abbuchung am {0:dd.MM.yyyy} über {1}.", warning.Date, DecimalInput.Euros(-warning.Amount)],
    };
}
