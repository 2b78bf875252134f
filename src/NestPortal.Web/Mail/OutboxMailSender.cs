using Microsoft.EntityFrameworkCore;
using NestPortal.Data;

namespace NestPortal.Web.Mail;

/// <summary>
/// Delivers queued mails and retries failures with growing pauses (<see cref="OutboxMailJob"/> calls it
/// every few seconds). Each mail is marked sent right after it went out; a crash between the two can
/// send one mail twice, never lose it.
/// </summary>
public sealed class OutboxMailSender(NestPortalDbContext db, IMailer mailer, TimeProvider time, ILogger<OutboxMailSender> logger)
{
    private const int BatchSize = 50;

    /// <summary>
    /// One delivery at a time in this process: Quartz runs the job once at a time, but a direct caller
    /// (the tests' mailbox) must not pick up the same mail in parallel and send it twice.
    /// </summary>
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Sends every mail that is due; returns how many went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await SendBatchAsync(cancellationToken);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private async Task<int> SendBatchAsync(CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var due = await db.OutgoingMails.Where(m => m.SentAtUtc == null && m.NextAttemptAtUtc <= now)
            .OrderBy(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var mail in due)
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
}
