using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data.Notifications;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using NestPortal.Web.Tests.Pages.Admin.Users;

namespace NestPortal.Web.Tests.Notifications;

/// <summary>
/// The owner of an account hears about its security, as a message in the portal and a mail: a changed
/// password, a second factor reset, a sign-in that got through after sign-ins were locked.
/// </summary>
public sealed class SecurityNoticeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<List<PortalMessage>> MessagesAsync(string id) =>
        factory.QueryAsync(db => db.PortalMessages.AsNoTracking().Where(m => m.RecipientKey == id).OrderBy(m => m.Id).ToListAsync());

    [Fact]
    public async Task A_changed_password_is_told_to_the_owner_by_message_and_mail()
    {
        var (id, email) = await factory.NewAccountAsync(Roles.Mentor);
        var client = await factory.SignedInAsync(email, Accounts.Password);

        (await client.PostFormAsync("/Account/Manage/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Accounts.Password,
            ["Input.NewPassword"] = "Kastanie Leuchtturm Wollsocke",
            ["Input.ConfirmPassword"] = "Kastanie Leuchtturm Wollsocke",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var message = (await MessagesAsync(id)).ShouldHaveSingleItem();
        message.Subject.ShouldBe("Ihr Passwort wurde geändert");
        message.LinkPath.ShouldBe("/Account/Manage");
        var mail = factory.MailsTo(email).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("Ihr Passwort wurde geändert");
        mail.TextBody!.ShouldContain("Wenn Sie das nicht waren");
        mail.HtmlBody!.ShouldContain("/Account/Manage\"");
    }

    [Fact]
    public async Task A_second_factor_reset_by_an_administrator_is_told_to_the_owner()
    {
        var (id, email) = await factory.NewAccountAsync(Roles.CompetenceCentre);
        await factory.EnrolSecondFactorAsync(id);
        var admin = await factory.SignedInAsAsync(Roles.Administrator);

        (await admin.PostFormAsync(AdminAccounts.Page("ResetTwoFactor", id), new Dictionary<string, string> { ["Confirmed"] = "true" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var message = (await MessagesAsync(id)).ShouldHaveSingleItem();
        message.Subject.ShouldBe("Ihre Zwei-Faktor-Anmeldung wurde geändert");
        message.Text.ShouldContain("hat die Administration den zweiten Faktor");
        factory.MailsTo(email).ShouldHaveSingleItem().Subject.ShouldBe("Ihre Zwei-Faktor-Anmeldung wurde geändert");
    }

    [Fact]
    public async Task A_sign_in_after_sign_ins_were_locked_is_told_to_the_owner_once()
    {
        var (id, email) = await factory.NewAccountAsync(Roles.Mentor);
        var guesser = factory.CreateClientFrom("203.0.113.7");
        for (var i = 0; i < 5; i++)
            await guesser.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = $"falsch {i}" });
        (await MessagesAsync(id)).ShouldBeEmpty("a lock alone tells nobody anything");

        await factory.SignedInAsync(email, Accounts.Password);
        await factory.SignedInAsync(email, Accounts.Password);

        var message = (await MessagesAsync(id)).ShouldHaveSingleItem();
        message.Subject.ShouldBe("Anmeldung nach einer Sperre");
        message.Text.ShouldContain("hat sich jemand erfolgreich angemeldet");
        factory.MailsTo(email).ShouldHaveSingleItem().Subject.ShouldBe("Anmeldung nach einer Sperre");
    }

}
