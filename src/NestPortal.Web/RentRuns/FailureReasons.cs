using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Common;

namespace NestPortal.Web.RentRuns;

/// <summary>
/// Why an account failed in a rent run, in German for the run's report (it is stored, like the ledger's
/// texts, in the programme's language). The full exception goes to the log.
/// </summary>
public static class FailureReasons
{
    public static string Of(Exception exception) => exception switch
    {
        DomainException domain => string.Join(" ", domain.Errors.Select(e => e.Format())),
        DbUpdateConcurrencyException =>
            "Das Mietkonto wurde während des Laufs anderweitig geändert (Buchung oder zweiter Mietlauf); der nächste Lauf prüft es erneut.",
        DbUpdateException =>
            "Die Buchung wurde von der Datenbank abgelehnt, etwa weil ein zweiter Mietlauf denselben Monat gleichzeitig gezahlt hat; der nächste Lauf prüft das Konto erneut.",
        _ => $"Unerwarteter Fehler ({exception.GetType().Name}); Einzelheiten stehen im Protokoll des Servers. Der nächste Lauf versucht es erneut.",
    };
}
