using Microsoft.Extensions.Localization;
using NestPortal.Domain.Sponsorships;

namespace NestPortal.Web.Pages.Escrow;

/// <summary>
/// The words people see for ledger entries. Made alongside the staff pages' EscrowTexts (same words) so
/// both could be built at once; the two belong merged into one.
/// </summary>
public static class EscrowEntryTexts
{
    public static string Kind(IStringLocalizer l, EscrowEntryKind kind) => kind switch
    {
        EscrowEntryKind.Deposit => l["Einzahlung"],
        EscrowEntryKind.RentPayment => l["Mietzahlung"],
        EscrowEntryKind.Refund => l["Rückzahlung"],
        EscrowEntryKind.Correction => l["Korrektur"],
        _ => kind.ToString(),
    };
}
