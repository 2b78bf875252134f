using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Data.Identity;
using NestPortal.Data.Operations;
using NestPortal.Web.Authorization;
using NestPortal.Web.Privacy;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Privacy;

/// <summary>
/// The periods of what is not a person's record (defaults: unconfirmed registrations 30 days, import
/// files 7, bodies of sent mails 90, job history 180), on the tests' fixed clock: a day past the period
/// goes, a day before it stays; a second run finds nothing.
/// </summary>
public sealed class OperationalRetentionTests
{
    [Fact]
    public async Task What_is_past_its_period_goes_and_what_is_not_stays()
    {
        await using var factory = new PortalFactory { DemoHistory = false };
        var now = TestClock.UtcNow;
        var (oldAccount, newAccount) = (await AccountAsync(factory, now.AddDays(-31)), await AccountAsync(factory, now.AddDays(-29)));
        var invitation = await AccountAsync(factory, now.AddDays(-60), Roles.Municipality);
        var (oldImport, newImport) = (await ImportAsync(factory, now.AddDays(-8)), await ImportAsync(factory, now.AddDays(-6)));
        var (oldMail, newMail) = (await MailAsync(factory, now.AddDays(-91)), await MailAsync(factory, now.AddDays(-89)));
        var (oldRun, newRun) = (await JobRunAsync(factory, now.AddDays(-181)), await JobRunAsync(factory, now.AddDays(-179)));

        var done = await EraseAsync(factory);

        done.UnconfirmedAccounts.ShouldBe(1);
        (await factory.QueryAsync(db => db.Users.Select(u => u.Id).ToListAsync())).ShouldSatisfyAllConditions(
            ids => ids.ShouldNotContain(oldAccount), ids => ids.ShouldContain(newAccount),
            ids => ids.ShouldContain(invitation, "a staff invitation not yet accepted is the administrators' to withdraw"));
        (await factory.QueryAsync(db => db.DataImportFiles.Select(f => f.DataImportId).ToListAsync())).ShouldBe([newImport]);
        (await factory.QueryAsync(db => db.DataImports.AnyAsync(i => i.Id == oldImport))).ShouldBeTrue("the import's record and report stay; its file goes");
        (await factory.QueryAsync(db => db.OutgoingMails.Where(m => m.Id == oldMail || m.Id == newMail).OrderBy(m => m.Id).Select(m => m.HtmlBody).ToListAsync()))
            .ShouldBe(["", "<p>Inhalt</p>"]);
        (await factory.QueryAsync(db => db.JobExecutions.Where(j => j.Id == oldRun || j.Id == newRun).Select(j => j.Id).ToListAsync())).ShouldBe([newRun]);

        (await EraseAsync(factory)).ShouldSatisfyAllConditions(
            again => again.UnconfirmedAccounts.ShouldBe(0), again => again.ImportFiles.ShouldBe(0),
            again => again.MailBodies.ShouldBe(0), again => again.JobRecords.ShouldBe(0));
    }

    private static async Task<ErasurePlan> EraseAsync(PortalFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Erasure>().RunAsync(TestClock.Today);
    }

    private static async Task<string> AccountAsync(PortalFactory factory, DateTime createdAtUtc, string role = Roles.Mentor)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var email = Accounts.NewEmail("unbestaetigt");
        var user = new PortalUser { UserName = email, Email = email, DisplayName = "Nie Bestätigt", CreatedAtUtc = createdAtUtc };
        (await users.CreateAsync(user, "ein langes Passwort für den Test")).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        return user.Id;
    }

    private static async Task<int> ImportAsync(PortalFactory factory, DateTime startedAtUtc)
    {
        var import = new DataImport("bestand.xlsx", new string('0', 64), 3, "admin", "Arne Administrator", startedAtUtc);
        await factory.ExecuteAsync(db => db.DataImports.Add(import));
        await factory.ExecuteAsync(db => db.DataImportFiles.Add(new DataImportFile(import.Id, [1, 2, 3])));
        return import.Id;
    }

    private static async Task<int> MailAsync(PortalFactory factory, DateTime sentAtUtc)
    {
        var mail = new OutgoingMail("gruppe@example.org", "Betreff", "<p>Inhalt</p>", sentAtUtc);
        mail.MarkSent(sentAtUtc);
        await factory.ExecuteAsync(db => db.OutgoingMails.Add(mail));
        return mail.Id;
    }

    private static async Task<long> JobRunAsync(PortalFactory factory, DateTime startedAtUtc)
    {
        var run = new JobExecution("mail-outbox", "mail-outbox-schedule", Guid.NewGuid().ToString("N"), "test", startedAtUtc, startedAtUtc, recovering: false);
        run.Succeed(startedAtUtc.AddSeconds(1));
        await factory.ExecuteAsync(db => db.JobExecutions.Add(run));
        return run.Id;
    }
}
