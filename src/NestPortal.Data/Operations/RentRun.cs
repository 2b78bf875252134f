namespace NestPortal.Data.Operations;

/// <summary>
/// One run of the monthly rent payments: when it started and finished, who or what started it, and what
/// it did. Failures are listed per account so staff can mend them; the next run retries them.
/// </summary>
public sealed class RentRun
{
    public const int ReportMaxLength = 8000;

    public int Id { get; private set; }
    public DateTime StartedAtUtc { get; private set; }
    public DateTime? FinishedAtUtc { get; private set; }

    /// <summary>The day the run paid for: every month due by then.</summary>
    public DateOnly PaidThrough { get; private set; }

    /// <summary>"Zeitplan" for the background service, else the administrator's name.</summary>
    public string StartedBy { get; private set; } = string.Empty;

    public int AccountsChecked { get; private set; }
    public int Payments { get; private set; }
    public decimal AmountPaid { get; private set; }
    public int Refunds { get; private set; }
    public decimal AmountRefunded { get; private set; }
    public int SponsorshipsCompleted { get; private set; }
    public int Failures { get; private set; }

    /// <summary>The running sponsorships when the run began: what "all" means in its progress.</summary>
    public int? AccountsToCheck { get; private set; }

    /// <summary>
    /// When the run last showed it was alive (each saved batch). An unfinished run silent for longer than
    /// its lease died with its process (<see cref="HasDied"/>); the next run closes it as aborted.
    /// </summary>
    public DateTime? HeartbeatAtUtc { get; private set; }

    /// <summary>One line per account that failed (sponsorship id and reason), cut at <see cref="ReportMaxLength"/>.</summary>
    public string? FailureReport { get; private set; }

    private RentRun()
    {
    }

    public RentRun(DateOnly paidThrough, string startedBy, DateTime startedAtUtc)
    {
        PaidThrough = paidThrough;
        StartedBy = startedBy;
        StartedAtUtc = startedAtUtc;
        HeartbeatAtUtc = startedAtUtc;
    }

    public bool IsFinished => FinishedAtUtc is not null;

    public DateTime LastSignOfLifeUtc => HeartbeatAtUtc ?? StartedAtUtc;

    /// <summary>Unfinished and silent for longer than the lease: its process was killed, it will not finish.</summary>
    public bool HasDied(DateTime nowUtc, TimeSpan lease) => !IsFinished && nowUtc - LastSignOfLifeUtc > lease;

    public void Begin(int accountsToCheck, DateTime nowUtc)
    {
        AccountsToCheck = accountsToCheck;
        Beat(nowUtc);
    }

    public void Beat(DateTime nowUtc) => HeartbeatAtUtc = nowUtc;

    public void CountAccount() => AccountsChecked++;

    public void CountPayment(decimal amount)
    {
        Payments++;
        AmountPaid += amount;
    }

    public void CountRefund(decimal amount)
    {
        Refunds++;
        AmountRefunded += amount;
    }

    public void CountCompletion() => SponsorshipsCompleted++;

    public void RecordFailure(int sponsorshipId, string reason)
    {
        Failures++;
        var line = $"#{sponsorshipId}: {reason}";
        var report = FailureReport is null ? line : FailureReport + "\n" + line;
        FailureReport = report.Length <= ReportMaxLength ? report : report[..ReportMaxLength];
    }

    public void Finish(DateTime finishedAtUtc) => FinishedAtUtc = finishedAtUtc;

    /// <summary>Ends a run that stopped midway, saying why; its counts hold what it booked before.</summary>
    public void Abort(string reason, DateTime finishedAtUtc)
    {
        var line = "Lauf abgebrochen: " + reason;
        var report = FailureReport is null ? line : FailureReport + "\n" + line;
        FailureReport = report.Length <= ReportMaxLength ? report : report[..ReportMaxLength];
        Finish(finishedAtUtc);
    }
}
