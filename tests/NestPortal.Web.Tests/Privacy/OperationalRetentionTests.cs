using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Data.Identity;
using NestPortal.Data.Operations;
using NestPortal.Web.Authorization;
using NestPortal.Web.Privacy;
using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.Reports;

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
        var (oldMessage, newMessage) = (await MessageAsync(factory, now.AddDays(-366)), await MessageAsync(factory, now.AddDays(-364)));

        var done = await EraseAsync(factory);

        done.UnconfirmedAccounts.ShouldBe(1);
        (await factory.QueryAsync(db => db.Users.Select(u => u.Id).ToListAsync())).ShouldSatisfyAllConditions(
            ids => ids.ShouldNotContain(oldAccount), ids => ids.ShouldContain(newAccount),
            ids => ids.ShouldContain(invitation, "a staff invitation not yet accepted is the administrators' to withdraw"));
        (await factory.QueryAsync(db => db.DataImportFiles.Select(f => f.DataImportId).ToListAsync())).ShouldBe([newImport]);
        (await factory.QueryAsync(db => db.DataImports.AnyAsync(i => i.Id == oldImport))).ShouldBeTrue("the import's record and report stay; its file goes");
        (await factory.QueryAsync(db => db.OutgoingMails.Where(m => m.Id == oldMail || m.Id == newMail).OrderBy(m => m.Id).Select(m => m.HtmlBody).ToListAsync()))
            .ShouldBe(["", "<p>Inhalt</p>"]);
        (await factory.QueryAsync(db => db.OutgoingMails.Where(m => m.Id == oldMail || m.Id == newMail).OrderBy(m => m.Id).Select(m => m.TextBody).ToListAsync()))
            .ShouldBe(["", "Inhalt"], "the plain-text part goes with the HTML one");
        (await factory.QueryAsync(db => db.PortalMessages.Where(m => m.Id == oldMessage || m.Id == newMessage).Select(m => m.Id).ToListAsync()))
            .ShouldBe([newMessage], "messages in the portal go after Notifications:MessageRetentionDays (365)");
        (await factory.QueryAsync(db => db.JobExecutions.Where(j => j.Id == oldRun || j.Id == newRun).Select(j => j.Id).ToListAsync())).ShouldBe([newRun]);

        (await EraseAsync(factory)).ShouldSatisfyAllConditions(
            again => again.UnconfirmedAccounts.ShouldBe(0), again => again.ImportFiles.ShouldBe(0),
            again => again.MailBodies.ShouldBe(0), again => again.JobRecords.ShouldBe(0), again => again.Messages.ShouldBe(0));
    }

    /// <summary>
    /// A group's members' accounts go with its data, unless another group with data left still needs
    /// them; a staff account never goes.
    /// </summary>
    [Fact]
    public async Task The_accounts_of_an_erased_group_go_unless_another_group_needs_them()
    {
        await using var factory = new PortalFactory { DemoHistory = false };
        var (leaving, staying) = (await factory.CreateMentorAsync(displayName: "Geht Mit"), await factory.CreateMentorAsync(displayName: "Bleibt Da"));
        var staffEmail = await factory.CreateUserAsync(Roles.CompetenceCentre);
        var staff = await factory.QueryAsync(db => db.Users.Where(u => u.Email == staffEmail).Select(u => u.Id).SingleAsync());
        var group = await factory.CreateApprovedGroupAsync(leaving.Id, "Erledigte Gruppe", memberEmails: [leaving.Email, staying.Email, staffEmail]);
        await factory.CreateGroupAsync(staying.Id, "Neue Gruppe", memberEmails: [staying.Email]);
        var (_, sponsorshipId) = await factory.SponsoredAsync(group, new DateOnly(2021, 3, 1), persons: 1);
        await factory.SqlAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE Sponsorships SET Status = 'Completed', CompletedOn = '2022-03-31' WHERE Id = {sponsorshipId}"));

        var done = await EraseAsync(factory);

        done.Groups.ShouldContain(g => g.Id == group);
        done.MemberAccounts.ShouldBe(1);
        var left = await factory.QueryAsync(db => db.Users.Select(u => u.Id).ToListAsync());
        left.ShouldNotContain(leaving.Id);
        left.ShouldContain(staying.Id, "a member of another group with data left");
        left.ShouldContain(staff, "staff accounts are never erased");
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

    private static async Task<long> MessageAsync(PortalFactory factory, DateTime createdAtUtc)
    {
        var message = new NestPortal.Data.Notifications.PortalMessage("someone", $"retention:{Guid.NewGuid():N}", "Betreff", "Text", null, null, createdAtUtc);
        await factory.ExecuteAsync(db => db.PortalMessages.Add(message));
        return message.Id;
    }

    private static async Task<int> MailAsync(PortalFactory factory, DateTime sentAtUtc)
    {
        var mail = new OutgoingMail("gruppe@example.org", "Betreff", "Inhalt", "<p>Inhalt</p>", sentAtUtc);
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
