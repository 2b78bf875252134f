using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NestPortal.Data;
using NestPortal.Data.Notifications;
using NestPortal.Domain.Municipalities;
using NestPortal.Web.Authorization;
using NestPortal.Web.Notifications;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Notifications;

public sealed class NotifierTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static Notice Sample(string key) => new(key, l => new NoticeText(
        l["Die Gruppe wurde zurückgegeben"], [l["Bitte überarbeiten Sie die Angaben."], "Zeile 1\nZeile <2>"], "/Groups/Details/1", l["Gruppe öffnen"]));

    private async Task NotifyAsync(Func<Notifier, Task> send)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await send(scope.ServiceProvider.GetRequiredService<Notifier>());
        await scope.ServiceProvider.GetRequiredService<NestPortalDbContext>().SaveChangesAsync();
    }

    private Task<string> UserIdAsync(string email) =>
        factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task An_event_reaches_each_account_once_as_a_message_and_a_multipart_mail_however_often_it_is_triggered()
    {
        var email = await factory.CreateUserAsync(Roles.Mentor);
        var id = await UserIdAsync(email);
        var key = $"test-event:{Guid.NewGuid():N}";

        await NotifyAsync(n => n.ToUsersAsync([id, id], Sample(key)));
        await NotifyAsync(n => n.ToUsersAsync([id], Sample(key)));

        var messages = await factory.QueryAsync(db => db.PortalMessages.Where(m => m.EventKey == key).ToListAsync());
        messages.Count.ShouldBe(1);
        messages[0].RecipientKey.ShouldBe(id);
        messages[0].Subject.ShouldBe("Die Gruppe wurde zurückgegeben");
        messages[0].LinkPath.ShouldBe("/Groups/Details/1");
        var mail = factory.MailsTo(email).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("Die Gruppe wurde zurückgegeben");
        mail.TextBody!.ShouldContain("Bitte überarbeiten Sie die Angaben.");
        mail.TextBody!.ShouldContain("http://localhost/Groups/Details/1");
        mail.HtmlBody!.ShouldContain("Zeile 1<br>Zeile &lt;2&gt;");
        mail.HtmlBody!.ShouldContain("<a href=\"http://localhost/Groups/Details/1\">Gruppe öffnen</a>");
    }

    [Fact]
    public async Task A_person_who_chose_English_gets_the_message_and_mail_in_English()
    {
        var email = await factory.CreateUserAsync(Roles.Mentor);
        var id = await UserIdAsync(email);
        await factory.ExecuteAsync(db => db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, "en")));
        var key = $"test-event:{Guid.NewGuid():N}";

        await NotifyAsync(n => n.ToUsersAsync([id], new Notice(key, l => new NoticeText(l["Guten Tag,"], [l["Guten Tag,"]]))));

        var mail = factory.MailsTo(email).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("Hello,");
        mail.TextBody!.ShouldStartWith("Hello,");
    }

    [Fact]
    public async Task A_municipality_without_an_account_is_reached_through_the_competence_centre()
    {
        var key = $"test-event:{Guid.NewGuid():N}";

        await NotifyAsync(n => n.ToMunicipalityAsync(Ags.Parse("05974040"), Sample(key)));

        var message = await factory.QueryAsync(db => db.PortalMessages.SingleAsync(m => m.EventKey == key));
        message.RecipientKey.ShouldBe(PortalMessage.CompetenceCentre);
        message.Text.ShouldContain("hat kein Konto im NestPortal");
    }

    [Fact]
    public async Task A_municipality_with_accounts_is_told_on_each_of_them_and_the_competence_centre_not()
    {
        var email = await factory.CreateUserAsync(Roles.Municipality, "05913000");
        var id = await UserIdAsync(email);
        var key = $"test-event:{Guid.NewGuid():N}";

        await NotifyAsync(n => n.ToMunicipalityAsync(Ags.Parse("05913000"), Sample(key)));

        (await factory.QueryAsync(db => db.PortalMessages.Where(m => m.EventKey == key).Select(m => m.RecipientKey).ToListAsync()))
            .ShouldContain(id);
        (await factory.QueryAsync(db => db.PortalMessages.AnyAsync(m => m.EventKey == key && m.RecipientKey == PortalMessage.CompetenceCentre)))
            .ShouldBeFalse();
    }

    [Fact]
    public async Task The_group_contacts_are_its_active_main_contacts_with_or_without_an_account()
    {
        var contact = await factory.CreateUserAsync(Roles.Mentor);
        var contactId = await UserIdAsync(contact);
        var tag = Guid.NewGuid().ToString("N")[..8];
        string[] members = [contact, $"zweite.{tag}@beispiel.invalid", $"dritte.{tag}@beispiel.invalid"];
        var group = await factory.CreateGroupAsync(contactId, "Benachrichtigte Gruppe", members: 3, memberEmails: members);
        var key = $"test-event:{Guid.NewGuid():N}";

        await NotifyAsync(n => n.ToGroupContactsAsync(group, Sample(key)));

        (await factory.QueryAsync(db => db.PortalMessages.Where(m => m.EventKey == key).Select(m => m.RecipientKey).ToListAsync()))
            .ShouldBe([contactId]);
        (await factory.QueryAsync(db => db.OutgoingMails.Where(m => m.EventKey == key).Select(m => m.To).OrderBy(t => t).ToListAsync()))
            .ShouldBe(new[] { contact, members[1] }.OrderBy(t => t, StringComparer.Ordinal).ToList());
    }
}
