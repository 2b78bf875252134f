using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data;
using NestPortal.Data.Auditing;
using NestPortal.Data.Operations;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Admin.Mails;

public sealed class SendAgainTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string ConfirmFirst = "Bitte bestätigen Sie, dass die E-Mail erneut gesendet werden soll.";

    private Task<OutgoingMail> MailAsync(int id) => factory.QueryAsync(db => db.OutgoingMails.AsNoTracking().SingleAsync(m => m.Id == id));

    [Fact]
    public async Task A_failed_mail_sent_again_goes_out_with_the_next_run_and_the_step_is_in_the_audit_log()
    {
        var (id, to) = await MailRows.QueueAsync(factory, failures: OutgoingMail.MaxAttempts);
        var admin = await factory.SignedInAsAsync(Roles.Administrator);
        var page = await admin.GetPageAsync($"/Admin/Mails/SendAgain?id={id}");
        page.MainText().ShouldContain(to);
        page.Source.Text.ShouldNotContain(MailRows.SecretBody);

        var response = await admin.PostFormAsync($"/Admin/Mails/SendAgain?id={id}", new Dictionary<string, string> { ["Confirmed"] = "true" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, string.Join("; ", (await response.ReadHtmlAsync()).Errors()));
        response.Location().ShouldBe("/Admin/Mails");
        (await admin.GetPageAsync("/Admin/Mails")).QuerySelector("main [role=status]")!.TextContent.ShouldBe($"Die E-Mail an {to} wird erneut gesendet.");
        var mail = await MailAsync(id);
        mail.Attempts.ShouldBe(0);
        mail.NextAttemptAtUtc.ShouldBeLessThanOrEqualTo(TestClock.UtcNow);
        var entry = await factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.EntityType == NestPortalDbContext.MailEntityType && e.EntityId == id.ToString()));
        entry.Action.ShouldBe(AuditAction.Changed);
        entry.UserName.ShouldBe(DemoUsers.All.Single(u => u.Role == Roles.Administrator).DisplayName);
        JsonSerializer.Deserialize<FieldChange[]>(entry.Changes!)!.ShouldHaveSingleItem().ShouldBe(new FieldChange("Attempts", "10", "0"));

        factory.MailsTo(to).ShouldHaveSingleItem();
        (await MailAsync(id)).SentAtUtc.ShouldNotBeNull();
    }

    [Fact]
    public async Task Without_the_confirmation_nothing_changes()
    {
        var (id, _) = await MailRows.QueueAsync(factory, failures: OutgoingMail.MaxAttempts);
        var admin = await factory.SignedInAsAsync(Roles.Administrator);

        var response = await admin.PostFormAsync($"/Admin/Mails/SendAgain?id={id}", new Dictionary<string, string>());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).Errors().ShouldBe([ConfirmFirst]);
        (await MailAsync(id)).Attempts.ShouldBe(OutgoingMail.MaxAttempts);
    }

    [Fact]
    public async Task A_sent_or_untried_mail_cannot_be_sent_again()
    {
        var (sent, _) = await MailRows.QueueAsync(factory, sent: true);
        var (untried, _) = await MailRows.QueueAsync(factory);
        var admin = await factory.SignedInAsAsync(Roles.Administrator);

        await admin.GetPageAsync($"/Admin/Mails/SendAgain?id={sent}", HttpStatusCode.NotFound);
        (await admin.PostWithTokenAsync($"/Admin/Mails/SendAgain?id={untried}", new Dictionary<string, string> { ["Confirmed"] = "true" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await admin.GetPageAsync("/Admin/Mails/SendAgain", HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.CompetenceCentre)]
    [InlineData(Roles.Municipality)]
    public async Task Other_roles_are_refused_and_nothing_changes(string role)
    {
        var (id, _) = await MailRows.QueueAsync(factory, failures: OutgoingMail.MaxAttempts);
        var client = await factory.SignedInAsAsync(role);

        (await client.PostWithTokenAsync($"/Admin/Mails/SendAgain?id={id}", new Dictionary<string, string> { ["Confirmed"] = "true" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await MailAsync(id)).Attempts.ShouldBe(OutgoingMail.MaxAttempts);
    }
}
