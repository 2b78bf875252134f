using System.Security.Cryptography;
using System.Text;
using NestPortal.Domain.Banking;
using NestPortal.Web.Texts;

namespace NestPortal.Web.Notifications;

/// <summary>What the reconciliation of a rent account against its bank statements tells the competence centre (ADR 0025).</summary>
public static class BankNotices
{
    /// <summary>The warnings listed in one notice; the rest are on the account's reconciliation page.</summary>
    public const int ListedWarnings = 10;

    /// <summary>
    /// An account's warnings, in one notice. Keyed by the set of warnings (kind, day, amount of each): the same
    /// warnings found again by the next upload or the next daily run are not told again; a new month, a new debit or
    /// another balance makes a new set and a new notice. One notice per account, not per warning, so that a statement
    /// with many unexplained bank fees is one message, not dozens.
    /// </summary>
    public static Notice Warnings(int sponsorshipId, string reference, IReadOnlyList<ReconciliationWarning> warnings) =>
        new($"bank-warnings:{sponsorshipId}:{Fingerprint(warnings)}",
            l => new NoticeText(
                l.Count(warnings.Count, "Mietkonto der Familie {0}: eine Abweichung vom Kontoauszug", "Mietkonto der Familie {0}: {1} Abweichungen vom Kontoauszug",
                    reference, warnings.Count),
                [
                    .. warnings.Take(ListedWarnings).Select(w => EscrowTexts.ReconciliationWarning(l, w)),
                    .. warnings.Count > ListedWarnings
                        ? [l.Count(warnings.Count - ListedWarnings, "Eine weitere Abweichung steht auf der Seite des Abgleichs.", "{0} weitere Abweichungen stehen auf der Seite des Abgleichs.")]
                        : Array.Empty<string>(),
                    l["Bitte prüfen Sie den Abgleich des Mietkontos: ordnen Sie die Buchung zu, laden Sie den fehlenden Kontoauszug hoch oder vermerken Sie, warum keiner nötig ist."].Value,
                ],
                $"/Escrow/Reconciliation/{sponsorshipId}", l["Abgleich öffnen"]));

    private static string Fingerprint(IEnumerable<ReconciliationWarning> warnings)
    {
        var text = string.Join(";", warnings
            .Select(w => $"{w.Kind}:{w.Date:yyyy-MM-dd}:{w.Amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}")
            .Order(StringComparer.Ordinal));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();
    }
}
