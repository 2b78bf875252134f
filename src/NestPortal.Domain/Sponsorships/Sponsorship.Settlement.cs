using NestPortal.Domain.Common;

namespace NestPortal.Domain.Sponsorships;

/// <summary>What one settlement did to one sponsorship: months paid, the final refund, completion, or why it stopped.</summary>
public sealed record SettlementResult(IReadOnlyList<EscrowEntry> Payments, EscrowEntry? Refund, bool Completed, DomainError? Problem)
{
    public bool ChangedAnything => Payments.Count > 0 || Refund is not null || Completed;
}

/// <summary>The monthly rent run's part of the sponsorship: paying what is due, refunding at the end, completing.</summary>
public sealed partial class Sponsorship
{
    public const int ContinuedSupportMaxLength = 500;

    /// <summary>The day the rent period was found complete: every month paid and the balance refunded.</summary>
    public DateOnly? RentPeriodCompletedOn { get; private set; }

    /// <summary>The day the support period (from arrival) was found over.</summary>
    public DateOnly? SupportCompletedOn { get; private set; }

    public DateOnly? CompletedOn { get; private set; }

    /// <summary>When the municipality was told that the rent from the account ends (90 days ahead).</summary>
    public DateOnly? RentEndNoticeSentOn { get; private set; }

    /// <summary>Who carries on the support after the group dissolved (recorded by staff).</summary>
    public string? ContinuedSupportBy { get; private set; }

    public bool IsRentPeriodOver(DateOnly today) => RentEndsOn is not { } end || today > end;

    /// <summary>
    /// Pays every due month in order while the balance covers it, refunds what is left once the rent
    /// period is over and every month is paid, and completes the sponsorship when both the rent and the
    /// support period are. Running it again the same day does nothing more.
    /// </summary>
    /// <param name="supportEndsOn">The household's last day of support (null while nobody has arrived).</param>
    public SettlementResult Settle(DateOnly today, DateOnly? supportEndsOn, Actor actor, DateTime nowUtc)
    {
        if (Status != SponsorshipStatus.Running) return new SettlementResult([], null, false, null);

        var payments = new List<EscrowEntry>();
        DomainError? problem = null;
        foreach (var month in UnpaidDueMonths(today))
        {
            if (RentFor(month) > Balance)
            {
                problem = new DomainError("Das Guthaben von {0:N2} € reicht für die Miete für {1:MM/yyyy} ({2:N2} €) nicht aus.", Balance, month, RentFor(month));
                break;
            }

            payments.Add(PayRent(month, today, actor, nowUtc));
        }

        EscrowEntry? refund = null;
        var changed = payments.Count > 0;
        if (RentPeriodCompletedOn is null && IsRentPeriodOver(today) && Position.MonthsRemaining == 0)
        {
            // Booked directly, not through Refund: the whole balance goes back, whatever its size.
            if (Balance > 0) refund = Book(new EscrowEntry(EscrowEntryKind.Refund, -Balance, today, "Rückzahlung des Restguthabens nach Ende der Mietzahlungen", actor, nowUtc, null));
            RentPeriodCompletedOn = today;
            changed = true;
        }

        if (SupportCompletedOn is null && supportEndsOn is { } supportEnd && supportEnd < today)
        {
            SupportCompletedOn = today;
            changed = true;
        }

        var completed = RentPeriodCompletedOn is not null && SupportCompletedOn is not null;
        if (completed)
        {
            Status = SponsorshipStatus.Completed;
            CompletedOn = today;
        }

        // Nothing to do leaves the row alone, so a run over every account writes only where it booked.
        if (changed) Touch();
        return new SettlementResult(payments, refund, completed, problem);
    }

    /// <summary>
    /// Records that the sponsorship was completed on <paramref name="completedOn"/>, a day already past
    /// (an imported history). Unlike <see cref="Settle"/> it books nothing: the ledger is what the
    /// account showed, and the completion keeps its own date, so the report counts it in its year.
    /// Only the facts are checked: running until now, completed after the match and the lease start,
    /// not in the future.
    /// </summary>
    public void CompleteAsOf(DateOnly completedOn, DateOnly today)
    {
        var errors = new List<DomainError>();
        CheckRunning(errors);
        if (completedOn > today)
            errors.Add(new DomainError("Das Abschlussdatum ({0:dd.MM.yyyy}) liegt in der Zukunft.", completedOn));
        if (completedOn < Apartment.LeaseStart)
            errors.Add(new DomainError("Das Abschlussdatum ({0:dd.MM.yyyy}) liegt vor dem Mietbeginn ({1:dd.MM.yyyy}).", completedOn, Apartment.LeaseStart));
        if (completedOn < MatchedOn)
            errors.Add(new DomainError("Das Abschlussdatum ({0:dd.MM.yyyy}) liegt vor der Vermittlung ({1:dd.MM.yyyy}).", completedOn, MatchedOn));
        if (errors.Count > 0) throw new DomainException(errors);

        RentPeriodCompletedOn ??= completedOn;
        SupportCompletedOn ??= completedOn;
        Status = SponsorshipStatus.Completed;
        CompletedOn = completedOn;
        Touch();
    }

    /// <summary>Whether the municipality should now be told that rent from the account ends within <paramref name="days"/> days.</summary>
    public bool NeedsRentEndNotice(DateOnly today, int days) =>
        Status == SponsorshipStatus.Running && RentEndNoticeSentOn is null
        && RentEndsOn is { } end && end >= today && end <= today.AddDays(days);

    public void MarkRentEndNoticeSent(DateOnly today)
    {
        RentEndNoticeSentOn = today;
        Touch();
    }

    /// <summary>Records who continues the support after the group dissolved; rent continues from the account regardless.</summary>
    public void RecordContinuedSupport(string continuedBy)
    {
        if (string.IsNullOrWhiteSpace(continuedBy) || continuedBy.Trim().Length > ContinuedSupportMaxLength)
            throw new DomainException("Bitte geben Sie an, wer die Begleitung weiterführt (höchstens {0} Zeichen).", ContinuedSupportMaxLength);
        if (Status != SponsorshipStatus.Running)
            throw new DomainException("Eine abgeschlossene Mentoring-Übernahme kann nicht mehr geändert werden.");
        ContinuedSupportBy = continuedBy.Trim();
        Touch();
    }
}
