using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data.Auditing;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Pages.Admin.Users.AdminAccounts;

namespace NestPortal.Web.Tests.Pages.Admin.Users;

public sealed partial class DetailsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Handler(string id, string handler) => $"{Page("Details", id)}&handler={handler}";

    [Fact]
    public async Task The_list_finds_an_account_by_name_and_leads_to_its_page_with_role_municipality_and_state()
    {
        var id = await factory.DemoUserIdAsync(Roles.Municipality);
        var admin = await factory.SignedInAsAsync(Roles.Administrator);

        var list = await admin.GetPageAsync("/Admin/Users?search=Katrin");
        var link = list.QuerySelector("main table tbody td a")!;
        link.TextContent.ShouldBe("Katrin Kommune (Dortmund)");
        link.GetAttribute("href").ShouldBe(Page("Details", id));
        list.TableRows().ShouldHaveSingleItem()[4].ShouldBe("aktiv");

        var page = await admin.GetPageAsync(link.GetAttribute("href")!);

        page.QuerySelector("h1")!.TextContent.ShouldBe("Benutzerkonto Katrin Kommune (Dortmund)");
        page.QuerySelector("[data-fact=email]")!.TextContent.ShouldBe(DemoUsers.All.Single(u => u.Role == Roles.Municipality).Email);
        page.QuerySelector("[data-fact=roles]")!.TextContent.ShouldBe("Kommune");
        page.QuerySelector("[data-fact=municipality]")!.TextContent.ShouldBe("Dortmund, Stadt (05913000)");
        page.QuerySelector("[data-fact=status]")!.TextContent.ShouldBe("aktiv");
        page.QuerySelector("[data-fact=two-factor]")!.TextContent.ShouldBe("nicht eingerichtet");
        page.QuerySelector("[data-fact=no-history]").ShouldNotBeNull();
        var actions = page.QuerySelectorAll("main a.kern-btn").Select(a => a.TextContent.Trim()).ToList();
        actions.ShouldBe(["Konto deaktivieren", "Rolle ändern", "Konto löschen"]);
    }

    [Fact]
    public async Task The_invitation_is_sent_again_through_the_outbox_and_only_its_link_sets_the_password()
    {
        var admin = await factory.SignedInAsAsync(Roles.Administrator);
        var email = Accounts.NewEmail("nochmal");
        (await admin.PostFormAsync("/Admin/Users/Invite", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Nora Nochmal",
            ["Input.Email"] = email,
            ["Input.Role"] = Roles.CompetenceCentre,
            ["Input.Municipality"] = "",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var firstLink = factory.LinkInLatestMailTo(email);
        var id = await factory.UserIdAsync(email);
        var stamp = await factory.StampAsync(id);

        var response = await admin.PostFormAsync(Page("Details", id), new Dictionary<string, string>(), actionContains: "handler=ResendInvitation");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, string.Join("; ", (await response.ReadHtmlAsync()).Errors()));
        var page = await admin.GetPageAsync(response.Location());
        page.QuerySelector("main [role=status]")!.TextContent.ShouldStartWith($"Die Einladung an {email} ist am ");
        page.QuerySelector("main [role=status]")!.TextContent.ShouldEndWith(" erneut verschickt worden; der Link der früheren Einladung gilt nicht mehr.");
        page.QuerySelector("[data-fact=invited]").ShouldNotBeNull();
        (await factory.StampAsync(id)).ShouldNotBe(stamp);
        // The invitation and the one sent again, both through the outbox.
        var mails = await factory.QueryAsync(db => db.OutgoingMails.AsNoTracking().Where(m => m.To == email).OrderBy(m => m.Id).ToListAsync());
        mails.Count.ShouldBe(2);
        var mail = mails[^1];
        mail.Subject.ShouldBe("Einladung zu NestPortal");
        var link = new Uri(System.Net.WebUtility.HtmlDecode(Href().Match(mail.HtmlBody).Groups[1].Value)).PathAndQuery;
        link.ShouldStartWith("/Account/SetPassword?userId=");
        var entries = await factory.AccountEntriesAsync(id);
        entries.Select(e => e.Action).ShouldBe([AuditAction.Created, AuditAction.Changed]);
        ChangesOf(entries[0]).Select(c => c.Field).ShouldBe(["Roles", "InvitationSentAtUtc"]);
        ChangesOf(entries[1]).Select(c => c.Field).ShouldBe(["InvitationSentAtUtc"]);

        var invited = factory.CreateBrowserLikeClient();
        var fields = new Dictionary<string, string> { ["Input.Password"] = Accounts.Password, ["Input.ConfirmPassword"] = Accounts.Password };
        (await invited.PostFormAsync(firstLink, fields)).StatusCode.ShouldBe(HttpStatusCode.OK, "the first invitation's link no longer works");
        var set = await invited.PostFormAsync(link, fields);
        set.StatusCode.ShouldBe(HttpStatusCode.Redirect, string.Join("; ", (await set.ReadHtmlAsync()).Errors()));
        set.Location().ShouldBe("/Account/Login");
        (await factory.SignedInAsync(email, Accounts.Password)).ShouldNotBeNull();
    }

    [Fact]
    public async Task An_account_that_set_its_password_gets_no_invitation()
    {
        var (id, email) = await factory.NewAccountAsync(Roles.CompetenceCentre);
        var stamp = await factory.StampAsync(id);
        var admin = await factory.SignedInAsAsync(Roles.Administrator);

        (await admin.GetPageAsync(Page("Details", id))).QuerySelector("form[action*='handler=ResendInvitation']").ShouldBeNull();
        var response = await admin.PostWithTokenAsync(Handler(id, "ResendInvitation"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).Errors().ShouldBe([$"{email} hat das Passwort bereits festgelegt; eine Einladung ist nicht mehr nötig. Wer das Passwort vergessen hat, legt über „Passwort vergessen?“ ein neues fest."]);
        (await factory.QueryAsync(db => db.OutgoingMails.AnyAsync(m => m.To == email))).ShouldBeFalse();
        (await factory.StampAsync(id)).ShouldBe(stamp);
    }

    [Fact]
    public async Task A_deactivated_account_is_reactivated_and_signs_in_again_and_the_page_lists_both_steps()
    {
        var (id, email) = await factory.NewAccountAsync(Roles.CompetenceCentre);
        var admin = await factory.SignedInAsAsync(Roles.Administrator);
        (await admin.PostFormAsync(Page("Deactivate", id), new Dictionary<string, string> { ["Confirmed"] = "true" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.RefusedSignInAsync(email)).ShouldBe([WrongPassword]);
        var stamp = await factory.StampAsync(id);

        var response = await admin.PostFormAsync(Page("Details", id), new Dictionary<string, string>(), actionContains: "handler=Reactivate");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await admin.GetPageAsync(response.Location());
        page.QuerySelector("main [role=status]")!.TextContent.ShouldBe($"Das Konto {email} ist wieder aktiv; die Person kann sich wieder anmelden.");
        page.QuerySelector("[data-fact=status]")!.TextContent.ShouldBe("aktiv");
        (await factory.AccountAsync(id))!.DeactivatedAtUtc.ShouldBeNull();
        (await factory.StampAsync(id)).ShouldNotBe(stamp);
        (await factory.SignedInAsync(email, Accounts.Password)).ShouldNotBeNull();
        var history = page.QuerySelectorAll("#account-history tbody tr").Select(r => r.TextContent).ToList();
        history.Count.ShouldBe(2);
        history.ShouldAllBe(row => row.Contains("Anton Admin") && row.Contains("Deaktiviert am"));
        page.QuerySelector("main a[href*='/Admin/Audit']")!.TextContent.ShouldBe("2 Einträge im Protokoll");
    }

    [Fact]
    public async Task An_active_account_is_not_reactivated()
    {
        var (id, _) = await factory.NewAccountAsync(Roles.CompetenceCentre);
        var admin = await factory.SignedInAsAsync(Roles.Administrator);

        var response = await admin.PostWithTokenAsync(Handler(id, "Reactivate"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).Errors().ShouldBe(["Das Konto ist nicht deaktiviert."]);
        (await factory.AccountEntriesAsync(id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_own_account_offers_no_administration_steps()
    {
        var own = await factory.DemoUserIdAsync(Roles.Administrator);
        var admin = await factory.SignedInAsAsync(Roles.Administrator);

        var page = await admin.GetPageAsync(Page("Details", own));

        page.QuerySelector("[data-fact=self]").ShouldNotBeNull();
        page.QuerySelectorAll("main a.kern-btn, main form[method=post]").ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_account_is_not_found()
    {
        var admin = await factory.SignedInAsAsync(Roles.Administrator);
        await admin.GetPageAsync(Page("Details", "gibt-es-nicht"), HttpStatusCode.NotFound);
        (await admin.PostWithTokenAsync(Handler("gibt-es-nicht", "Reactivate"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.CompetenceCentre)]
    [InlineData(Roles.Municipality)]
    [InlineData(null)]
    public async Task Other_roles_and_the_anonymous_are_refused_and_nothing_is_sent(string? role)
    {
        var (id, email) = await factory.InvitedAccountAsync();

        var response = await factory.PostAsAsync(role, Handler(id, "ResendInvitation"), new Dictionary<string, string>());

        if (role is null) Accounts.LocalPath(response.Location()).ShouldStartWith("/Account/Login");
        else response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.QueryAsync(db => db.OutgoingMails.AnyAsync(m => m.To == email))).ShouldBeFalse();
        (await factory.AccountEntriesAsync(id)).ShouldBeEmpty();
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
