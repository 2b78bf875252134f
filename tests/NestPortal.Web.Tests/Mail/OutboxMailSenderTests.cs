using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Data.Operations;
using NestPortal.Web.Mail;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Mail;

/// <summary>
/// The outbox's claim: a mail goes to exactly one sender, whichever instance of the cluster runs it, and a
/// crashed sender's claim runs out so its mails still go out.
/// </summary>
public sealed class OutboxMailSenderTests
{
    /// <summary>Counts what each mail subject was sent, instead of sending it.</summary>
    public sealed class CountingMailer : IMailer
    {
        public ConcurrentDictionary<string, int> Sent { get; } = new();

        public async Task SendAsync(string to, string subject, string textBody, string htmlBody, CancellationToken cancellationToken = default)
        {
            // Gives the other sender a chance to run between claim and mark, where a double send would happen.
            await Task.Yield();
            Sent.AddOrUpdate(subject, 1, (_, count) => count + 1);
        }
    }

    /// <summary>One instance of a cluster on a shared database folder, sending through the shared counting mailer, on its own clock.</summary>
    private sealed class OutboxHost(string folder, CountingMailer mailer, bool ownsFolder) : PortalFactory(folder, ownsFolder)
    {
        public MovableClock Clock { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // Two hosts write to one SQLite file at once: waiting for the other's write is expected here.
            builder.UseSetting("Database:Sqlite:BusyTimeoutSeconds", "60");
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<IMailer>(mailer);
                services.AddSingleton<TimeProvider>(Clock);
            });
        }

        public async Task<int> SendDueAsync()
        {
            await using var scope = Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<OutboxMailSender>().SendDueAsync(CancellationToken.None);
        }
    }

    private static async Task<List<int>> QueueAsync(PortalFactory host, string prefix, int count)
    {
        var mails = Enumerable.Range(0, count).Select(i => new OutgoingMail($"empfang{i}@beispiel.invalid", $"{prefix}-{i}", "Text", "<p>Text</p>", TestClock.UtcNow)).ToList();
        await host.ExecuteAsync(async db =>
        {
            db.OutgoingMails.AddRange(mails);
            await db.SaveChangesAsync();
        });
        return mails.Select(m => m.Id).ToList();
    }

    [Fact]
    public async Task Two_instances_on_one_database_send_each_mail_exactly_once()
    {
        var folder = PortalFactory.NewFolder();
        var mailer = new CountingMailer();
        await using var first = new OutboxHost(folder, mailer, ownsFolder: true);
        _ = first.Services;
        await using var second = new OutboxHost(folder, mailer, ownsFolder: false);
        _ = second.Services;
        var prefix = $"cluster-{Guid.NewGuid():N}";
        var ids = await QueueAsync(first, prefix, 40);

        // Three senders per instance at once, each going round until nothing is left (bounded: the outbox
        // holds 40 mails and a sender takes at least one per round while any is unclaimed).
        async Task RunAsync(OutboxHost host)
        {
            for (var round = 0; round < 50; round++)
            {
                await host.SendDueAsync();
                if (await host.QueryAsync(db => db.OutgoingMails.CountAsync(m => ids.Contains(m.Id) && m.SentAtUtc == null)) == 0) return;
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => RunAsync(i % 2 == 0 ? first : second))));

        var counts = Enumerable.Range(0, 40).Select(i => mailer.Sent.GetValueOrDefault($"{prefix}-{i}")).ToList();
        counts.ShouldAllBe(count => count == 1, $"sent per mail: {string.Join(", ", counts)}");
        var rows = await first.QueryAsync(db => db.OutgoingMails.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync());
        rows.ShouldAllBe(m => m.SentAtUtc != null && m.LeaseOwner == null && m.LeasedUntilUtc == null);
    }

    [Fact]
    public async Task A_mail_claimed_by_a_sender_that_crashed_is_sent_once_its_lease_has_run_out()
    {
        var mailer = new CountingMailer();
        await using var host = new OutboxHost(PortalFactory.NewFolder(), mailer, ownsFolder: true);
        var prefix = $"crashed-{Guid.NewGuid():N}";
        // Another instance claimed it and died before sending: its lease (the default 120 s) still holds.
        // Queued and leased in one transaction, so the host's own outbox job cannot take it in between.
        var until = host.Clock.GetUtcNow().UtcDateTime.AddSeconds(120);
        var id = 0;
        await host.ExecuteAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var mail = new OutgoingMail("empfang@beispiel.invalid", $"{prefix}-0", "Text", "<p>Text</p>", TestClock.UtcNow);
            db.OutgoingMails.Add(mail);
            await db.SaveChangesAsync();
            id = mail.Id;
            await db.OutgoingMails.Where(m => m.Id == mail.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.LeaseOwner, "crashed-host:1:00").SetProperty(m => m.LeasedUntilUtc, until));
            await transaction.CommitAsync();
        });

        await host.SendDueAsync();
        mailer.Sent.ContainsKey($"{prefix}-0").ShouldBeFalse("a lease that holds keeps other senders off the mail");

        host.Clock.Advance(TimeSpan.FromSeconds(121));
        await host.SendDueAsync();
        mailer.Sent[$"{prefix}-0"].ShouldBe(1);
        var row = await host.QueryAsync(db => db.OutgoingMails.AsNoTracking().SingleAsync(m => m.Id == id));
        row.SentAtUtc.ShouldNotBeNull();
        row.LeaseOwner.ShouldBeNull();
    }
}
