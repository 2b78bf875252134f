using System.Net;
using AngleSharp.Html.Dom;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Pages.Admin.Users.AdminAccounts;

namespace NestPortal.Web.Tests.Pages.Admin.Users;

public sealed class RoleTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string BochumOption = "Bochum, Stadt (44787) – 05911000";

    private static Dictionary<string, string> Fields(string role, string municipality = "") => new()
    {
        ["Input.Role"] = role,
        ["Input.Municipality"] = municipality,
    };

    [Fact]
    public async Task A_competence_centre_account_becomes_a_municipality_account_of_the_chosen_municipality()
    {
        var (id, email) = await factory.NewAccountAsync(Roles.CompetenceCentre);
        var stamp = await factory.StampAsync(id);
        var admin = await factory.SignedInAsAsync(Roles.Administrator);

        var response = await admin.PostFormAsync(Page("Role", id), Fields(Roles.Municipality, BochumOption));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, string.Join("; ", (await response.ReadHtmlAsync()).Errors()));
        response.Location().ShouldBe(Page("Details", id));
        var details = await admin.GetPageAsync(response.Location());
        details.QuerySelector("main [role=status]")!.TextContent
            .ShouldBe($"{email} hat jetzt die Rolle „Kommune“. Die Person meldet sich neu an; ihre offenen Sitzungen sind beendet.");
        details.QuerySelector("[data-fact=municipality]")!.TextContent.ShouldBe("Bochum, Stadt (05911000)");
        (await factory.RolesOfAsync(id)).ShouldBe([Roles.Municipality]);
        (await factory.AccountAsync(id))!.MunicipalityAgs.ShouldNotBeNull().Value.ShouldBe("05911000");
        (await factory.StampAsync(id)).ShouldNotBe(stamp);
        var entry = (await factory.AccountEntriesAsync(id)).ShouldHaveSingleItem();
        ChangesOf(entry).ShouldBe([new("Roles", Roles.CompetenceCentre, Roles.Municipality), new("MunicipalityAgs", null, "05911000")]);
    }

    [Fact]
    public async Task A_municipality_account_made_an_administrator_loses_its_municipality_and_the_new_role_holds_at_the_next_sign_in()
    {
        var (id, email) = await factory.NewAccountAsync(Roles.Municipality, "05913000");
        var admin = await factory.SignedInAsAsync(Roles.Administrator);

        (await admin.PostFormAsync(Page("Role", id), Fields(Roles.Administrator))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await factory.RolesOfAsync(id)).ShouldBe([Roles.Administrator]);
        (await factory.AccountAsync(id))!.MunicipalityAgs.ShouldBeNull();
        var entry = (await factory.AccountEntriesAsync(id)).ShouldHaveSingleItem();
        ChangesOf(entry).ShouldBe([new("Roles", Roles.Municipality, Roles.Administrator), new("MunicipalityAgs", "05913000", null)]);
        // Staff sign in with the password and are sent to enrol their second factor for the new role's pages.
        var signedIn = await factory.SignedInAsync(email, Accounts.Password);
        (await signedIn.GetAsync("/Admin/Users")).Location().ShouldStartWith("/Account/Manage/TwoFactor");
    }

    [Theory]
    [InlineData("no role")]
    [InlineData("role Mentor")]
    [InlineData("no municipality")]
    [InlineData("unknown municipality")]
    [InlineData("the same role")]
    public async Task An_invalid_choice_keeps_the_form_shows_a_German_message_and_changes_nothing(string problem)
    {
        var (id, _) = await factory.NewAccountAsync(Roles.Municipality, "05913000");
        var stamp = await factory.StampAsync(id);
        var admin = await factory.SignedInAsAsync(Roles.Administrator);
        var (role, municipality, expected) = problem switch
        {
            "no role" => ("", "", "Bitte wählen Sie eine Rolle für Mitarbeitende."),
            "role Mentor" => (Roles.Mentor, "", "Bitte wählen Sie eine Rolle für Mitarbeitende."),
            "no municipality" => (Roles.Municipality, "", "Ein Konto einer Kommune gehört zu genau einer Kommune: bitte wählen Sie sie aus."),
            "unknown municipality" => (Roles.Municipality, "Atlantis", "Bitte wählen Sie eine Kommune in Nordrhein-Westfalen aus der Liste."),
            "the same role" => (Roles.Municipality, "05913000", "Das Konto hat diese Rolle bereits. Wählen Sie eine andere Rolle oder Kommune."),
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        var response = await admin.PostFormAsync(Page("Role", id), Fields(role, municipality));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, problem);
        var page = await response.ReadHtmlAsync();
        page.Errors().ShouldBe([expected]);
        page.ValueOf("Input.Municipality").ShouldBe(municipality);
        ((IHtmlSelectElement)page.QuerySelector("select[name='Input.Role']")!).Value.ShouldBe(role == Roles.Mentor ? "" : role);
        (await factory.RolesOfAsync(id)).ShouldBe([Roles.Municipality]);
        (await factory.AccountAsync(id))!.MunicipalityAgs.ShouldNotBeNull().Value.ShouldBe("05913000");
        (await factory.StampAsync(id)).ShouldBe(stamp);
        (await factory.AccountEntriesAsync(id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_mentor_stays_a_mentor()
    {
        var (id, _) = await factory.NewAccountAsync(Roles.Mentor);
        var admin = await factory.SignedInAsAsync(Roles.Administrator);

        (await admin.GetPageAsync(Page("Role", id))).QuerySelector("main form[method=post]").ShouldBeNull();
        var response = await admin.PostWithTokenAsync(Page("Role", id), Fields(Roles.Administrator));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).QuerySelector("[data-fact=obstacle]")!.TextContent.ShouldStartWith(
            "Mentorinnen und Mentoren registrieren sich selbst und bleiben es; ihre Rolle wird hier nicht geändert.");
        (await factory.RolesOfAsync(id)).ShouldBe([Roles.Mentor]);
        (await factory.AccountEntriesAsync(id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_administrator_cannot_change_their_own_role()
    {
        var own = await factory.DemoUserIdAsync(Roles.Administrator);
        var admin = await factory.SignedInAsAsync(Roles.Administrator);

        var response = await admin.PostWithTokenAsync(Page("Role", own), Fields(Roles.CompetenceCentre));

        (await response.ReadHtmlAsync()).QuerySelector("[data-fact=obstacle]")!.TextContent.Trim()
            .ShouldBe("Ihre eigene Rolle können Sie nicht ändern. Bitten Sie eine andere Administratorin oder einen anderen Administrator darum.");
        (await factory.RolesOfAsync(own)).ShouldBe([Roles.Administrator]);
    }

    [Fact]
    public async Task The_last_active_administrator_keeps_the_role()
    {
        var (last, _) = await factory.NewAccountAsync(Roles.Administrator);
        var admin = await factory.SignedInAsAsync(Roles.Administrator);
        var others = await factory.SetOtherAdministratorsDeactivatedAsync(last, deactivated: true);
        try
        {
            var response = await admin.PostWithTokenAsync(Page("Role", last), Fields(Roles.CompetenceCentre));

            (await response.ReadHtmlAsync()).QuerySelector("[data-fact=obstacle]")!.TextContent.Trim()
                .ShouldBe("Das ist das letzte aktive Konto der Administration. Seine Rolle kann erst geändert werden, wenn ein anderes Konto der Administration aktiv ist.");
            (await factory.RolesOfAsync(last)).ShouldBe([Roles.Administrator]);
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
    public async Task Other_roles_and_the_anonymous_are_refused_and_nothing_changes(string? role)
    {
        var (id, _) = await factory.NewAccountAsync(Roles.CompetenceCentre);

        var response = await factory.PostAsAsync(role, Page("Role", id), Fields(Roles.Administrator));

        if (role is null) Accounts.LocalPath(response.Location()).ShouldStartWith("/Account/Login");
        else response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.RolesOfAsync(id)).ShouldBe([Roles.CompetenceCentre]);
    }
}
