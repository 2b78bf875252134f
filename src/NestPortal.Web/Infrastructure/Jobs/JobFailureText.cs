namespace NestPortal.Web.Infrastructure.Jobs;

/// <summary>
/// Why an execution failed, in German for /Admin/Jobs (stored like the rent run's failure report, in
/// the programme's language). The exception itself goes to the server log: its text may hold data.
/// </summary>
public static class JobFailureText
{
    public static string Of(Exception exception) => exception.GetBaseException() switch
    {
        OperationCanceledException => "Der Dienst wurde beendet, bevor der Auftrag fertig war; ein Auftrag mit Wiederaufnahme läuft beim nächsten Start erneut.",
        var inner => $"Der Auftrag ist mit einem Fehler abgebrochen ({inner.GetType().Name}); Einzelheiten stehen im Protokoll des Servers. Der nächste Lauf versucht es erneut.",
    };
}
