using System.Net;
using NestPortal.Data.Auditing;
using NestPortal.Data.Operations;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Pages.Admin.Users.AdminAccounts;

namespace NestPortal.Web.Tests.Pages.Admin.Users;

public sealed class DeleteTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string ConfirmFirst = "Bitte bestätigen Sie, dass das Konto endgültig gelöscht werden soll.";

    [Fact]
    public async Task An_invitation_to_the_wrong_address_is_deleted_after_confirming()
    {
        var (id, email) = await factory.InvitedAccountAsync(Roles.Municipality);
        var admin = await factory.SignedInAsAsync(Roles.Administrator);

        var unconfirmed = await admin.PostFormAsync(Page("Delete", id), new Dictionary<string, string>());

        unconfirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await unconfirmed.ReadHtmlAsync()).Errors().ShouldBe([ConfirmFirst]);
        (await factory.AccountAsync(id)).ShouldNotBeNull();

        var confirmed = await admin.PostFormAsync(Page("Delete", id), new Dictionary<string, string> { ["Confirmed"] = "true" });

        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect, string.Join("; ", (await confirmed.ReadHtmlAsync()).Errors()));
        confirmed.Location().ShouldBe("/Admin/Users");
        (await admin.GetPageAsync(confirmed.Location())).QuerySelector("main [role=status]")!.TextContent.ShouldBe($"Das Konto {email} ist gelöscht.");
        (await factory.AccountAsync(id)).ShouldBeNull();
        (await factory.RolesOfAsync(id)).ShouldBeEmpty();
        var entry = (await factory.AccountEntriesAsync(id)).ShouldHaveSingleItem();
        entry.Action.ShouldBe(AuditAction.Deleted);
        ChangesOf(entry).ShouldBe([new("Roles", Roles.Municipality, null)]);
        entry.Changes!.ShouldNotContain(email, Case.Insensitive);

        // The log names the deleted account as deleted, without its address.
        var log = await admin.GetPageAsync($"/Admin/Audit?entityType=PortalUser&entityId={Uri.EscapeDataString(id)}");
        log.TableRows().ShouldHaveSingleItem()[4].ShouldStartWith("Benutzerkonto (gelöscht)");
    }

    [Fact]
    public async Task An_account_that_is_a_member_of_groups_is_not_deleted_and_the_page_names_them_and_suggests_deactivation()
    {
        var mentor = await factory.DemoUserIdAsync(Roles.Mentor);
        var admin = await factory.SignedInAsAsync(Roles.Administrator);

        var page = await admin.GetPageAsync(Page("Delete", mentor));
        var holdings = page.QuerySelector("[data-fact=holdings]")!.TextContent;
        holdings.ShouldContain("Das Konto kann nicht gelöscht werden, weil noch Daten dazu gehören:");
        holdings.ShouldContain("die Gruppe „Willkommensteam Hörde“, die das Konto angelegt hat oder in der es Mitglied ist");
        holdings.ShouldContain("Deaktivieren Sie das Konto stattdessen");
        page.QuerySelector("main form[method=post]").ShouldBeNull();
        page.QuerySelector($"main a[href='{Page("Deactivate", mentor)}']").ShouldNotBeNull();

        var response = await admin.PostWithTokenAsync(Page("Delete", mentor), new Dictionary<string, string> { ["Confirmed"] = "true" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).QuerySelector("[data-fact=holdings]").ShouldNotBeNull();
        (await factory.AccountAsync(mentor)).ShouldNotBeNull();
        (await factory.AccountEntriesAsync(mentor)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_administrator_who_started_an_import_is_kept()
    {
        var (id, _) = await factory.NewAccountAsync(Roles.Administrator);
        await factory.ExecuteAsync(db => db.DataImports.Add(new DataImport("bestand.xlsx", new string('0', 64), 1024, id, "Test Administrator", TestClock.UtcNow)));
        var admin = await factory.SignedInAsAsync(Roles.Administrator);

        var response = await admin.PostWithTokenAsync(Page("Delete", id), new Dictionary<string, string> { ["Confirmed"] = "true" });

        (await response.ReadHtmlAsync()).QuerySelector("[data-fact=holdings]")!.TextContent.ShouldContain("1 Datenimport, den das Konto gestartet hat");
        (await factory.AccountAsync(id)).ShouldNotBeNull();
    }

    [Fact]
    public async Task An_administrator_cannot_delete_their_own_account()
    {
        var own = await factory.DemoUserIdAsync(Roles.Administrator);
        var admin = await factory.SignedInAsAsync(Roles.Administrator);

        var response = await admin.PostWithTokenAsync(Page("Delete", own), new Dictionary<string, string> { ["Confirmed"] = "true" });

        (await response.ReadHtmlAsync()).QuerySelector("[data-fact=obstacle]")!.TextContent.Trim()
            .ShouldBe("Ihr eigenes Konto können Sie hier nicht löschen. Bitten Sie eine andere Administratorin oder einen anderen Administrator darum.");
        (await factory.AccountAsync(own)).ShouldNotBeNull();
    }

    [Fact]
    public async Task The_last_active_administrator_is_not_deleted()
    {
        var (last, _) = await factory.NewAccountAsync(Roles.Administrator);
        var admin = await factory.SignedInAsAsync(Roles.Administrator);
        var others = await factory.SetOtherAdministratorsDeactivatedAsync(last, deactivated: true);
        try
        {
            var response = await admin.PostWithTokenAsync(Page("Delete", last), new Dictionary<string, string> { ["Confirmed"] = "true" });

            (await response.ReadHtmlAsync()).QuerySelector("[data-fact=obstacle]")!.TextContent.Trim()
                .ShouldBe("Das ist das letzte aktive Konto der Administration. Es kann erst gelöscht werden, wenn ein anderes Konto der Administration aktiv ist.");
            (await factory.AccountAsync(last)).ShouldNotBeNull();
        }
        finally
        {
            await factory.SetOtherAdministratorsDeactivatedAsync(last, deactivated: false, only: others);
        }
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.CompetenceCentre)]
    [InlineData(Roles.Municipality)]
    [InlineData(null)]
    public async Task Other_roles_and_the_anonymous_are_refused_and_nothing_is_deleted(string? role)
    {
        var (id, _) = await factory.InvitedAccountAsync();

        var response = await factory.PostAsAsync(role, Page("Delete", id), new Dictionary<string, string> { ["Confirmed"] = "true" });

        if (role is null) Accounts.LocalPath(response.Location()).ShouldStartWith("/Account/Login");
        else response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.AccountAsync(id)).ShouldNotBeNull();
    }
}
