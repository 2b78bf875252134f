using NestPortal.Domain.Banking;
using NestPortal.Web.Texts;

namespace NestPortal.Web.Notifications;

/// <summary>What the reconciliation of a rent account against its bank statements tells the competence centre (ADR 0025).</summary>
public static class BankNotices
{
    /// <summary>
    /// One warning of one account. Keyed by what it is about (kind, day, amount): the same warning found again by
    /// the next upload or the next daily run is not told again; a new month, a new debit or another balance is.
    /// </summary>
    public static Notice Warning(int sponsorshipId, string reference, ReconciliationWarning warning) =>
        new($"bank-warning:{sponsorshipId}:{warning.Kind}:{warning.Date:yyyy-MM-dd}:{warning.Amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}",
            l => new NoticeText(
                l["Mietkonto der Familie {0}: Abweichung vom Kontoauszug", reference],
                [
                    EscrowTexts.ReconciliationWarning(l, warning),
                    l["Bitte prüfen Sie den Abgleich des Mietkontos: ordnen Sie die Buchung zu, laden Sie den fehlenden Kontoauszug hoch oder vermerken Sie, warum keiner nötig ist."].Value,
                ],
                $"/Escrow/Reconciliation/{sponsorshipId}", l["Abgleich öffnen"]));
}
