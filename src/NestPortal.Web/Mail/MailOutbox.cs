using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NestPortal.Data;
using NestPortal.Data.Operations;

namespace NestPortal.Web.Mail;

/// <summary>
/// Queues mails in the database with the change they report (saved by the same SaveChanges), so a mail
/// is never lost to a stopped server nor sent for a change that was rolled back.
/// </summary>
public static class MailOutbox
{
    public static void QueueMail(this NestPortalDbContext db, string to, string subject, string htmlBody, DateTime nowUtc) =>
        db.OutgoingMails.Add(new OutgoingMail(to, subject, htmlBody, nowUtc));
}

/// <summary>
/// Delivers queued mails in the background and retries failures with growing pauses. Each mail is
/// marked sent right after it went out; a crash between the two can send one mail twice, never lose it.
/// </summary>
public sealed class OutboxMailSender(IServiceScopeFactory scopes, IMailer mailer, TimeProvider time, IOptions<MailOptions> options, ILogger<OutboxMailSender> logger)
    : BackgroundService
{
    private const int BatchSize = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pause = TimeSpan.FromSeconds(Math.Max(1, options.Value.OutboxPollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "The mail outbox could not be read; retrying in {Pause}", pause);
            }

            await Task.Delay(pause, time, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
        }
    }

    /// <summary>Sends every mail that is due; returns how many went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NestPortalDbContext>();
        var now = time.UtcNow();
        var due = await db.OutgoingMails.Where(m => m.SentAtUtc == null && m.NextAttemptAtUtc <= now)
            .OrderBy(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var mail in due)
        {
            try
            {
                await mailer.SendAsync(mail.To, mail.Subject, mail.HtmlBody, cancellationToken);
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
