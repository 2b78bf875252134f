using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data.Auditing;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Pages.Admin.Users.AdminAccounts;

namespace NestPortal.Web.Tests.Pages.Admin.Users;

public sealed class DeactivateTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string ConfirmFirst = "Bitte bestätigen Sie, dass das Konto deaktiviert werden soll.";

    [Fact]
    public async Task Administrator_deactivates_an_account_after_confirming_and_it_can_no_longer_sign_in()
    {
        var (id, email) = await factory.NewAccountAsync(Roles.CompetenceCentre);
        (await factory.SignedInAsync(email, Accounts.Password)).ShouldNotBeNull("it signs in before");
        var stamp = await factory.StampAsync(id);
        var admin = await factory.SignedInAsAsync(Roles.Administrator);

        var unconfirmed = await admin.PostFormAsync(Page("Deactivate", id), new Dictionary<string, string>());

        unconfirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await unconfirmed.ReadHtmlAsync()).Errors().ShouldBe([ConfirmFirst]);
        (await factory.AccountAsync(id))!.DeactivatedAtUtc.ShouldBeNull();
        (await factory.StampAsync(id)).ShouldBe(stamp);

        var confirmed = await admin.PostFormAsync(Page("Deactivate", id), new Dictionary<string, string> { ["Confirmed"] = "true" });

        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect, string.Join("; ", (await confirmed.ReadHtmlAsync()).Errors()));
        confirmed.Location().ShouldBe(Page("Details", id));
        var details = await admin.GetPageAsync(confirmed.Location());
        details.QuerySelector("main [role=status]")!.TextContent
            .ShouldBe($"Das Konto {email} ist deaktiviert. Die Person kann sich nicht mehr anmelden; ihre Sitzungen sind beendet.");
        details.QuerySelector("[data-fact=status]")!.TextContent.ShouldStartWith("deaktiviert seit ");
        var account = (await factory.AccountAsync(id))!;
        account.DeactivatedAtUtc.ShouldNotBeNull();
        account.SecurityStamp.ShouldNotBe(stamp, "every session of the account ends");

        // The right password is answered as a wrong one: no hint that the account exists or is deactivated.
        (await factory.RefusedSignInAsync(email)).ShouldBe([WrongPassword]);
        (await factory.RefusedSignInAsync(email, "ein ganz falsches Passwort")).ShouldBe([WrongPassword]);

        var entry = (await factory.AccountEntriesAsync(id)).ShouldHaveSingleItem();
        entry.Action.ShouldBe(AuditAction.Changed);
        entry.UserName.ShouldBe(DemoUsers.All.Single(u => u.Role == Roles.Administrator).DisplayName);
        ChangesOf(entry).Select(c => c.Field).ShouldBe(["DeactivatedAtUtc"]);
        entry.Changes!.ShouldNotContain("Stamp");
        entry.Changes!.ShouldNotContain("Hash");
    }

    [Fact]
    public async Task The_step_shows_in_the_audit_log_with_who_did_it_to_which_account()
    {
        var (id, email) = await factory.NewAccountAsync(Roles.Municipality, "05913000");
        var admin = await factory.SignedInAsAsync(Roles.Administrator);
        (await admin.PostFormAsync(Page("Deactivate", id), new Dictionary<string, string> { ["Confirmed"] = "true" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var log = await admin.GetPageAsync($"/Admin/Audit?entityType=PortalUser&entityId={Uri.EscapeDataString(id)}");

        var row = log.TableRows().ShouldHaveSingleItem();
        row[1].ShouldStartWith("Anton Admin");
        row[3].ShouldBe("Geändert");
        row[4].ShouldStartWith($"Benutzerkonto {email}");
        row[5].ShouldStartWith("Deaktiviert am: – → ");
        log.QuerySelector("#audit-table tbody td:nth-child(5) a")!.GetAttribute("href").ShouldBe(Page("Details", id));
    }

    [Fact]
    public async Task An_administrator_cannot_deactivate_their_own_account()
    {
        var own = await factory.DemoUserIdAsync(Roles.Administrator);
        var admin = await factory.SignedInAsAsync(Roles.Administrator);
        var stamp = await factory.StampAsync(own);

        (await admin.GetPageAsync(Page("Deactivate", own))).QuerySelector("main form[method=post]").ShouldBeNull();
        var response = await admin.PostWithTokenAsync(Page("Deactivate", own), new Dictionary<string, string> { ["Confirmed"] = "true" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).QuerySelector("[data-fact=obstacle]")!.TextContent.Trim()
            .ShouldBe("Ihr eigenes Konto können Sie nicht deaktivieren. Bitten Sie eine andere Administratorin oder einen anderen Administrator darum.");
        (await factory.AccountAsync(own))!.DeactivatedAtUtc.ShouldBeNull();
        (await factory.StampAsync(own)).ShouldBe(stamp);
        (await factory.AccountEntriesAsync(own)).ShouldBeEmpty();
    }

    /// <summary>
    /// The signed-in administrator was deactivated meanwhile (directly here, the stamp unchanged, as in the
    /// moment before their own session ends): the other one, the last active administrator, stays.
    /// </summary>
    [Fact]
    public async Task The_last_active_administrator_cannot_be_deactivated()
    {
        var (last, _) = await factory.NewAccountAsync(Roles.Administrator);
        var admin = await factory.SignedInAsAsync(Roles.Administrator);
        var others = await factory.SetOtherAdministratorsDeactivatedAsync(last, deactivated: true);
        try
        {
            var response = await admin.PostWithTokenAsync(Page("Deactivate", last), new Dictionary<string, string> { ["Confirmed"] = "true" });

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.ReadHtmlAsync()).QuerySelector("[data-fact=obstacle]")!.TextContent.Trim()
                .ShouldBe("Das ist das letzte aktive Konto der Administration. Es kann erst deaktiviert werden, wenn ein anderes Konto der Administration aktiv ist.");
            (await factory.AccountAsync(last))!.DeactivatedAtUtc.ShouldBeNull();
        }
        finally
        {
            await factory.SetOtherAdministratorsDeactivatedAsync(last, deactivated: false, only: others);
        }
    }

    [Fact]
    public async Task An_account_already_deactivated_is_not_deactivated_again()
    {
        var (id, _) = await factory.NewAccountAsync(Roles.CompetenceCentre);
        var admin = await factory.SignedInAsAsync(Roles.Administrator);
        (await admin.PostFormAsync(Page("Deactivate", id), new Dictionary<string, string> { ["Confirmed"] = "true" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var again = await admin.PostWithTokenAsync(Page("Deactivate", id), new Dictionary<string, string> { ["Confirmed"] = "true" });

        (await again.ReadHtmlAsync()).QuerySelector("[data-fact=obstacle]")!.TextContent.Trim().ShouldBe("Das Konto ist bereits deaktiviert.");
        (await factory.AccountEntriesAsync(id)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_unknown_account_is_not_found()
    {
        var admin = await factory.SignedInAsAsync(Roles.Administrator);
        await admin.GetPageAsync(Page("Deactivate", Guid.NewGuid().ToString()), HttpStatusCode.NotFound);
        await admin.GetPageAsync("/Admin/Users/Deactivate", HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.CompetenceCentre)]
    [InlineData(Roles.Municipality)]
    [InlineData(null)]
    public async Task Other_roles_and_the_anonymous_are_refused_and_nothing_changes(string? role)
    {
        var (id, _) = await factory.NewAccountAsync(Roles.CompetenceCentre);

        var response = await factory.PostAsAsync(role, Page("Deactivate", id), new Dictionary<string, string> { ["Confirmed"] = "true" });

        if (role is null) Accounts.LocalPath(response.Location()).ShouldStartWith("/Account/Login");
        else response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.AccountAsync(id))!.DeactivatedAtUtc.ShouldBeNull();
        (await factory.AccountEntriesAsync(id)).ShouldBeEmpty();
    }
}
