using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Mail;

/// <summary>
/// A real SMTP server on 127.0.0.1 that answers the first mail with "451 try again later": the outbox
/// keeps the mail, waits out its back-off (the clock is moved, nothing waits) and delivers it on the retry.
/// </summary>
public sealed class SmtpRetryTests(SmtpRetryTests.RefusingSmtpPortalFactory factory) : IClassFixture<SmtpRetryTests.RefusingSmtpPortalFactory>
{
    public sealed class RefusingSmtpPortalFactory() : SmtpPortalFactory(refuseFirstMail: true)
    {
        public MovableClock Clock { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // The test runs the sender itself, step by step.
            builder.UseSetting("Mail:OutboxPollSeconds", "3600");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    [Fact]
    public async Task A_mail_the_server_refuses_at_first_is_delivered_on_the_retry_with_its_plain_text_part()
    {
        var email = $"retry-{Guid.NewGuid():N}@beispiel.invalid";
        var client = factory.CreateBrowserLikeClient();
        var response = await client.PostFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Rita Retry",
            ["Input.Email"] = email,
            ["Input.Password"] = "ein langes Passwort für den Retry",
            ["Input.ConfirmPassword"] = "ein langes Passwort für den Retry",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        factory.DeliverQueuedMails();
        var refused = await factory.QueryAsync(db => db.OutgoingMails.AsNoTracking().SingleAsync(m => m.To == email));
        refused.SentAtUtc.ShouldBeNull();
        refused.Attempts.ShouldBe(1);
        refused.LastError.ShouldNotBeNull().ShouldContain("try again later");

        factory.DeliverQueuedMails();
        (await factory.QueryAsync(db => db.OutgoingMails.AsNoTracking().SingleAsync(m => m.To == email))).Attempts
            .ShouldBe(1, "before its back-off has passed the mail is not tried again");

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        factory.DeliverQueuedMails();

        var mail = await factory.Smtp.WaitForMailToAsync(email);
        mail.Subject.ShouldBe("Bitte bestätigen Sie Ihre E-Mail-Adresse");
        mail.TextBody.ShouldNotBeNullOrWhiteSpace();
        mail.TextBody!.ShouldContain("/Account/ConfirmEmail?");
        mail.HtmlBody!.ShouldContain("href=\"");
        (await factory.QueryAsync(db => db.OutgoingMails.AsNoTracking().SingleAsync(m => m.To == email))).SentAtUtc.ShouldNotBeNull();
    }
}
