using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data.Operations;
using NestPortal.Web.Authorization;
using NestPortal.Web.Mail;
using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.Jobs;

namespace NestPortal.Web.Tests.Pages.Admin.Jobs;

/// <summary>/Admin/Jobs: the jobs with their schedules and last runs, the executions, "Jetzt ausführen" (refused roles: the access table).</summary>
public sealed class IndexTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Page = "/Admin/Jobs";
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    private Task<List<JobExecution>> MailExecutionsAsync() =>
        factory.QueryAsync(db => db.JobExecutions.AsNoTracking().Where(e => e.JobName == OutboxMailJob.Key.Name).ToListAsync());

    [Fact]
    public async Task Administrator_sees_each_job_with_its_schedule_and_its_last_runs()
    {
        var client = await factory.SignedInAsAsync(Roles.Administrator);
        // The outbox fires at start and then every 15 seconds.
        await SchedulerHost.EventuallyAsync(MailExecutionsAsync, all => all.Any(e => e.Outcome == JobOutcome.Succeeded), Deadline, "a finished mail delivery");

        var page = await client.GetPageAsync(Page);

        var mail = page.QuerySelector("#jobs tr[data-job='mail-outbox']")!;
        mail.TextContent.ShouldContain("Versand der E-Mails");
        mail.TextContent.ShouldContain("alle 15 Sekunden");
        mail.QuerySelector("[data-last]")!.TextContent.ShouldNotContain("noch nie");
        // RentRun:Enabled=false (the tests' setting): no schedule, only by hand.
        page.QuerySelector("#jobs tr[data-job='rent-run']")!.TextContent.ShouldContain("nur bei Bedarf");
        page.QuerySelector("#jobs tr[data-job='import']").ShouldNotBeNull();
        var executions = page.QuerySelectorAll("#executions tr[data-job='mail-outbox']");
        executions.Length.ShouldBeGreaterThan(0);
        executions[0].TextContent.ShouldContain("erfolgreich");
        page.QuerySelector("nav a[href='/Admin/Jobs']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Jetzt_ausfuehren_needs_a_confirmation_and_then_runs_the_job()
    {
        var client = await factory.SignedInAsAsync(Roles.Administrator);

        var refused = await client.PostFormAsync(Page, new Dictionary<string, string> { ["Job"] = "mail-outbox" }, actionContains: "handler=Run");

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.ReadHtmlAsync()).Errors().ShouldContain("Bitte bestätigen Sie, dass der Auftrag jetzt ausgeführt werden soll.");
        (await MailExecutionsAsync()).ShouldNotContain(e => e.TriggerName != "mail-outbox-schedule");

        var started = await client.PostFormAsync(Page, new Dictionary<string, string> { ["Job"] = "mail-outbox", ["Confirmed"] = "true" }, actionContains: "handler=Run");

        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var manual = await SchedulerHost.EventuallyAsync(MailExecutionsAsync,
            all => all.Any(e => e.TriggerName != "mail-outbox-schedule" && e.FinishedAtUtc != null), Deadline, "the mail delivery started by hand");
        manual.Single(e => e.TriggerName != "mail-outbox-schedule").Outcome.ShouldBe(JobOutcome.Succeeded);
    }

    [Fact]
    public async Task The_import_cannot_be_started_by_hand()
    {
        var client = await factory.SignedInAsAsync(Roles.Administrator);

        var response = await client.PostFormAsync(Page, new Dictionary<string, string> { ["Job"] = "import", ["Confirmed"] = "true" }, actionContains: "handler=Run");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
