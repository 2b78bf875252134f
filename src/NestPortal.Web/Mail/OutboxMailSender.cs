using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NestPortal.Data;

namespace NestPortal.Web.Mail;

/// <summary>
/// Delivers queued mails and retries failures with growing pauses (<see cref="OutboxMailJob"/> calls it
/// every few seconds, on every instance of a cluster). A mail is claimed before it is sent: one
/// conditional UPDATE gives a batch of due, unclaimed mails a lease in this sender's name, and only the
/// rows that carry its name are then read and sent, so two instances (or two calls in one process)
/// never send the same mail. A sender that dies holding a lease leaves its mails for the next sender
/// once the lease (<see cref="MailOptions.LeaseSeconds"/>) has run out. Each mail is marked sent right
/// after it went out; a crash between the two can send one mail twice, never lose it.
/// </summary>
public sealed class OutboxMailSender(NestPortalDbContext db, IMailer mailer, TimeProvider time, IOptions<MailOptions> options, ILogger<OutboxMailSender> logger)
{
    private const int BatchSize = 50;

    /// <summary>
    /// Who holds a lease: the machine and process, for an operator reading the table, and a random part,
    /// because two hosts in one process (and two runs of the job) must not take each other's claims as their own.
    /// </summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Convert.ToHexString(RandomNumberGenerator.GetBytes(6))}";

    /// <summary>Sends every mail that is due and that this sender could claim; returns how many went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(cancellationToken);
        if (claimed == 0) return 0;
        var mine = await db.OutgoingMails.Where(m => m.LeaseOwner == Owner && m.SentAtUtc == null)
            .OrderBy(m => m.Id).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var mail in mine)
        {
            try
            {
                await mailer.SendAsync(mail.To, mail.Subject, mail.TextBody, mail.HtmlBody, cancellationToken);
                mail.MarkSent(time.UtcNow());
                sent++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Mail {MailId} could not be sent (attempt {Attempt})", mail.Id, mail.Attempts + 1);
                mail.MarkFailed(exception.Message, time.UtcNow());
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return sent;
    }

    /// <summary>
    /// Leases up to a batch of due mails to this sender in one statement. The outer condition repeats
    /// the inner one, so on SQL Server, where a concurrent claim may have taken a row between the
    /// subquery's read and the update's lock, that row is skipped rather than taken over; SQLite runs
    /// the statement under its single writer lock anyway.
    /// </summary>
    private Task<int> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var until = now.AddSeconds(Math.Max(1, options.Value.LeaseSeconds));
        var due = db.OutgoingMails
            .Where(m => m.SentAtUtc == null && m.NextAttemptAtUtc <= now && (m.LeaseOwner == null || m.LeasedUntilUtc < now))
            .OrderBy(m => m.Id).Take(BatchSize).Select(m => m.Id);
        return db.OutgoingMails
            .Where(m => due.Contains(m.Id) && m.SentAtUtc == null && (m.LeaseOwner == null || m.LeasedUntilUtc < now))
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.LeaseOwner, Owner).SetProperty(m => m.LeasedUntilUtc, until), cancellationToken);
    }
}
