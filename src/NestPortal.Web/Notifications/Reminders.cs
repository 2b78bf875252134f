using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NestPortal.Data;
using NestPortal.Domain.MentoringGroups;
using NestPortal.Domain.Sponsorships;
using NestPortal.Web.Infrastructure;

namespace NestPortal.Web.Notifications;

/// <summary>
/// The reminders that fall due with time rather than with a change: an allocation not acknowledged, a group
/// waiting for review, support ending, an escrow account short before the family arrives. Each kind finds
/// what is due with one query (and one for the keys already told), so the work does not grow with a query
/// per item; every reminder's key names its period, so a run repeated the same day, or a catch-up after
/// downtime, tells each one once. "Due" is "on or after the day", never "on the day": a run that was missed
/// is made up by the next.
/// </summary>
public sealed class Reminders(NestPortalDbContext db, Notifier notifier, Banking.Reconciler reconciler, IOptions<NotificationOptions> options,
    TimeProvider time, ILogger<Reminders> logger)
{
    private NotificationOptions Options => options.Value;

    /// <summary>What a run queued, by kind.</summary>
    public sealed record Result(int Acknowledgements, int ReviewsWaiting, int SupportsEnding, int Shortfalls, int AccountsWithBankWarnings);

    public async Task<Result> RunAsync(CancellationToken cancellationToken = default)
    {
        var result = new Result(
            await AcknowledgementsAsync(cancellationToken),
            await ReviewsWaitingAsync(cancellationToken),
            await SupportsEndingAsync(cancellationToken),
            await ShortfallsAsync(cancellationToken),
            await BankWarningsAsync(cancellationToken));
        logger.LogInformation("Reminders: {Acknowledgements} allocations not acknowledged, {Reviews} groups waiting for review, {Supports} supports ending, {Shortfalls} shortfalls before arrival, {Accounts} rent accounts with bank warnings",
            result.Acknowledgements, result.ReviewsWaiting, result.SupportsEnding, result.Shortfalls, result.AccountsWithBankWarnings);
        return result;
    }

    /// <summary>Current decisions issued at least the configured days ago and not acknowledged: to the municipality, once per decision.</summary>
    private async Task<int> AcknowledgementsAsync(CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var dueBefore = now.AddDays(-Options.AcknowledgementReminderDays);
        var tooOld = dueBefore.AddDays(-Options.ReminderCatchUpDays);
        var due = await db.Allocations
            .Where(a => a.SupersededAtUtc == null && a.AcknowledgedAtUtc == null && a.IssuedAtUtc <= dueBefore && a.IssuedAtUtc > tooOld)
            .OrderBy(a => a.Id).Take(Options.MaxPerKindAndRun)
            .Select(a => new
            {
                a.Id, a.HouseholdId, a.MunicipalityAgs, a.DecisionDate, a.FileReference,
                Reference = db.Households.Where(h => h.Id == a.HouseholdId).Select(h => h.Reference).First(),
            })
            .ToListAsync(cancellationToken);
        var notices = due.Select(a => (a.MunicipalityAgs, Notice: AllocationNotices.NotAcknowledged(a.HouseholdId, a.Reference, a.Id, a.DecisionDate, a.FileReference)));
        return await SendAsync(notices.ToList(), n => n.Notice, (n, token) => notifier.ToMunicipalityAsync(n.MunicipalityAgs, n.Notice, token), cancellationToken);
    }

    /// <summary>Groups submitted at least the configured days ago and still waiting: to the competence centre, once per submission.</summary>
    private async Task<int> ReviewsWaitingAsync(CancellationToken cancellationToken)
    {
        var dueOnOrBefore = time.TodayInGermany().AddDays(-Options.ReviewWaitingDays);
        var due = await db.MentoringGroups
            .Where(g => g.Status == GroupStatus.Submitted && g.SubmittedOn <= dueOnOrBefore)
            .OrderBy(g => g.SubmittedOn).ThenBy(g => g.Id).Take(Options.MaxPerKindAndRun)
            .Select(g => new { g.Id, g.Name, SubmittedOn = g.SubmittedOn!.Value })
            .ToListAsync(cancellationToken);
        var notices = due.Select(g => ReminderNotices.ReviewWaiting(g.Id, g.Name, g.SubmittedOn, time.TodayInGermany())).ToList();
        return await SendAsync(notices, n => n, (n, token) => notifier.ToCompetenceCentreAsync(n, token), cancellationToken);
    }

    /// <summary>
    /// Running sponsorships whose household's support ends within the configured days: to the group's main
    /// contacts, once per end date. The end comes from the persons' arrivals, so it is worked out here, for
    /// the running sponsorships only (two queries: the sponsorships, then their households' persons).
    /// </summary>
    private async Task<int> SupportsEndingAsync(CancellationToken cancellationToken)
    {
        var today = time.TodayInGermany();
        var running = await db.Sponsorships.AsNoTracking().Where(s => s.Status == SponsorshipStatus.Running)
            .Select(s => new { s.Id, s.GroupId, s.HouseholdId, s.SupportMonths })
            .ToListAsync(cancellationToken);
        var householdIds = running.Select(s => s.HouseholdId).ToList();
        var households = await db.Households.AsNoTracking().Include(h => h.Persons)
            .Where(h => householdIds.Contains(h.Id) && h.FirstArrival != null)
            .ToDictionaryAsync(h => h.Id, cancellationToken);
        var notices = running
            .Select(s => (Sponsorship: s, Household: households.GetValueOrDefault(s.HouseholdId)))
            .Select(x => (x.Sponsorship, x.Household, EndsOn: x.Household?.SupportEndsOn(x.Sponsorship.SupportMonths)))
            .Where(x => x.EndsOn is { } end && end >= today && end <= today.AddDays(Options.SupportEndingDays))
            .Take(Options.MaxPerKindAndRun)
            .Select(x => (x.Sponsorship.GroupId, Notice: SponsorshipNotices.SupportEnding(x.Sponsorship.Id, x.Sponsorship.GroupId, x.Household!.Reference, x.EndsOn!.Value)))
            .ToList();
        return await SendAsync(notices, n => n.Notice, (n, token) => notifier.ToGroupContactsAsync(n.GroupId, n.Notice, token), cancellationToken);
    }

    /// <summary>
    /// Running sponsorships whose account falls short while the family is expected within the configured
    /// days and has not arrived: to the group's main contacts, once per amount (the same key as a rent
    /// change's notice, so a shortfall already told is not told again).
    /// </summary>
    private async Task<int> ShortfallsAsync(CancellationToken cancellationToken)
    {
        var latest = time.TodayInGermany().AddDays(Options.ShortfallBeforeArrivalDays);
        var due = await db.Sponsorships.AsNoTracking()
            .Where(s => s.Status == SponsorshipStatus.Running && s.EscrowShortfall > 0)
            .Join(db.Households.Where(h => h.FirstArrival == null && h.ExpectedArrival != null && h.ExpectedArrival <= latest),
                s => s.HouseholdId, h => h.Id, (s, h) => new { s.Id, s.GroupId, h.Reference, s.EscrowShortfall })
            .OrderBy(x => x.Id).Take(Options.MaxPerKindAndRun)
            .ToListAsync(cancellationToken);
        var notices = due.Select(s => (s.GroupId, Notice: SponsorshipNotices.Shortfall(s.Id, s.GroupId, s.Reference, s.EscrowShortfall, monthsRemaining: null))).ToList();
        return await SendAsync(notices, n => n.Notice, (n, token) => notifier.ToGroupContactsAsync(n.GroupId, n.Notice, token), cancellationToken);
    }

    /// <summary>
    /// Rent accounts of running sponsorships that have bank statements: their reconciliation warnings (a rent month
    /// still unconfirmed after the confirmation day, a bank balance below the ledger's, an unknown debit) to the
    /// competence centre, once per set of warnings. A month becomes overdue with time alone, without an upload, so it is
    /// found here; the work is one reconciliation per account with statements, once a day.
    /// </summary>
    private async Task<int> BankWarningsAsync(CancellationToken cancellationToken)
    {
        var accounts = await db.BankStatements.Select(b => b.SponsorshipId).Distinct()
            .Where(id => db.Sponsorships.Any(s => s.Id == id && s.Status == SponsorshipStatus.Running))
            .OrderBy(id => id).ToListAsync(cancellationToken);
        var warned = 0;
        foreach (var id in accounts)
        {
            if (await reconciler.LoadAsync(id, cancellationToken) is { } reconciliation && await reconciler.NotifyWarningsAsync(reconciliation, cancellationToken) > 0)
                warned++;
            db.ChangeTracker.Clear();
        }

        return warned;
    }

    /// <summary>
    /// Sends the notices whose key nobody has had yet (one query for all of them), and saves: each kind in
    /// its own save, so a failure in one kind keeps what the others queued.
    /// </summary>
    private async Task<int> SendAsync<T>(IReadOnlyList<T> due, Func<T, Notice> notice, Func<T, CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        if (due.Count == 0) return 0;
        var keys = due.Select(d => notice(d).Key).Distinct().ToList();
        var told = (await db.PortalMessages.Where(m => keys.Contains(m.EventKey)).Select(m => m.EventKey).Distinct().ToListAsync(cancellationToken))
            .Concat(await db.OutgoingMails.Where(m => m.EventKey != null && keys.Contains(m.EventKey)).Select(m => m.EventKey!).Distinct().ToListAsync(cancellationToken))
            .ToHashSet();
        var sent = 0;
        foreach (var item in due.Where(d => !told.Contains(notice(d).Key)))
        {
            await send(item, cancellationToken);
            sent++;
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return sent;
    }
}
