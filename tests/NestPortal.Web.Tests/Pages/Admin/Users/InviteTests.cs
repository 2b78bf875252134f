using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Admin.Users;

public sealed class InviteTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string InvitePage = "/Admin/Users/Invite";
    private const string BochumOption = "Bochum, Stadt (44787) – 05911000";

    private static Dictionary<string, string> Fields(string name, string email, string role, string municipality = "") => new()
    {
        ["Input.DisplayName"] = name,
        ["Input.Email"] = email,
        ["Input.Role"] = role,
        ["Input.Municipality"] = municipality,
    };

    private Task<int> UserCountAsync() => factory.QueryAsync(db => db.Users.CountAsync());

    private Task<List<string?>> RolesOfAsync(string userId) =>
        factory.QueryAsync(db => (from ur in db.UserRoles
                                  join r in db.Roles on ur.RoleId equals r.Id
                                  where ur.UserId == userId
                                  select r.Name).ToListAsync());

    [Fact]
    public async Task The_form_offers_the_staff_roles_and_the_municipalities_of_NRW()
    {
        var admin = await factory.SignedInAsAsync(Roles.Administrator);

        var page = await admin.GetPageAsync(InvitePage);

        page.QuerySelector("h1")!.TextContent.ShouldBe("Mitarbeitende einladen");
        page.QuerySelectorAll("select[name='Input.Role'] option").Select(o => o.GetAttribute("value"))
            .ShouldBe(["", Roles.CompetenceCentre, Roles.Municipality, Roles.Administrator]);
        var options = page.QuerySelectorAll("datalist#municipalities option").Select(o => o.GetAttribute("value")).ToList();
        options.Count.ShouldBe(396);
        options.ShouldContain(BochumOption);
    }

    [Theory]
    [InlineData(BochumOption)]
    [InlineData("05911000")]
    public async Task An_invited_municipality_user_sets_a_password_signs_in_and_is_sent_to_enrol_a_second_factor(string municipality)
    {
        var admin = await factory.SignedInAsAsync(Roles.Administrator);
        var email = Accounts.NewEmail("bochum");

        var response = await admin.PostFormAsync(InvitePage, Fields("Bernd Bochum", email, Roles.Municipality, municipality));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, string.Join("; ", (await response.ReadHtmlAsync()).Errors()));
        response.Location().ShouldBe("/Admin/Users");
        (await admin.GetPageAsync(response.Location())).QuerySelector("main [role=status]")!.TextContent
            .ShouldBe($"Die Einladung an {email} ist verschickt.");

        var user = await factory.QueryAsync(db => db.Users.SingleAsync(u => u.Email == email));
        user.DisplayName.ShouldBe("Bernd Bochum");
        user.MunicipalityAgs.ShouldNotBeNull().Value.ShouldBe("05911000");
        user.EmailConfirmed.ShouldBeFalse();
        user.PasswordHash.ShouldBeNull();
        (await RolesOfAsync(user.Id)).ShouldBe([Roles.Municipality]);

        var mail = factory.MailsTo(email).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("Einladung zu NestPortal");
        var link = factory.LinkInLatestMailTo(email);
        link.ShouldStartWith("/Account/SetPassword?userId=");

        var invited = factory.CreateBrowserLikeClient();
        var set = await invited.PostFormAsync(link, new Dictionary<string, string>
        {
            ["Input.Password"] = Accounts.Password,
            ["Input.ConfirmPassword"] = Accounts.Password,
        });
        set.StatusCode.ShouldBe(HttpStatusCode.Redirect, string.Join("; ", (await set.ReadHtmlAsync()).Errors()));
        set.Location().ShouldBe("/Account/Login");

        var signedIn = await factory.SignedInAsync(email, Accounts.Password);
        var (path, _) = await signedIn.FollowRedirectsAsync(await signedIn.GetAsync("/"));
        path.ShouldBe("/Account/Manage/TwoFactor?returnUrl=%2FMyMunicipality");
        (await signedIn.GetAsync("/MyMunicipality")).Location().ShouldBe("/Account/Manage/TwoFactor?returnUrl=%2FMyMunicipality");
        (await factory.QueryAsync(db => db.Users.SingleAsync(u => u.Email == email))).EmailConfirmed.ShouldBeTrue();
    }

    [Fact]
    public async Task A_competence_centre_user_is_invited_without_a_municipality()
    {
        var admin = await factory.SignedInAsAsync(Roles.Administrator);
        var email = Accounts.NewEmail("kfi");

        var response = await admin.PostFormAsync(InvitePage, Fields("Klara Kompetenz", email, Roles.CompetenceCentre, "05911000"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var user = await factory.QueryAsync(db => db.Users.SingleAsync(u => u.Email == email));
        user.MunicipalityAgs.ShouldBeNull();
        (await RolesOfAsync(user.Id)).ShouldBe([Roles.CompetenceCentre]);
        factory.MailsTo(email).ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("no municipality")]
    [InlineData("unknown municipality")]
    [InlineData("municipality outside NRW")]
    [InlineData("role Mentor")]
    [InlineData("no role")]
    [InlineData("duplicate email")]
    [InlineData("email without @")]
    public async Task An_invalid_invitation_keeps_the_form_shows_a_German_message_and_creates_no_user(string problem)
    {
        var admin = await factory.SignedInAsAsync(Roles.Administrator);
        var email = Accounts.NewEmail("ungueltig");
        var existing = DemoUsers.All.Single(u => u.Role == Roles.Municipality).Email;
        var (typedEmail, role, municipality, expected) = problem switch
        {
            "no municipality" => (email, Roles.Municipality, "",
                "Ein Konto einer Kommune gehört zu genau einer Kommune: bitte wählen Sie sie aus."),
            "unknown municipality" => (email, Roles.Municipality, "Atlantis",
                "Bitte wählen Sie eine Kommune in Nordrhein-Westfalen aus der Liste."),
            "municipality outside NRW" => (email, Roles.Municipality, "München, Landeshauptstadt (80331) – 09162000",
                "Bitte wählen Sie eine Kommune in Nordrhein-Westfalen aus der Liste."),
            "role Mentor" => (email, Roles.Mentor, "", "Bitte wählen Sie eine Rolle für Mitarbeitende."),
            "no role" => (email, "", "", "Bitte wählen Sie eine Rolle für Mitarbeitende."),
            "duplicate email" => (existing, Roles.Municipality, BochumOption, $"Für {existing} gibt es bereits ein Konto."),
            "email without @" => ("ines.beispiel.invalid", Roles.CompetenceCentre, "", "Bitte geben Sie bei „E-Mail-Adresse“ eine gültige E-Mail-Adresse an, z. B. name@beispiel.de."),
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };
        var usersBefore = await UserCountAsync();
        var mailsBefore = factory.MailsTo(typedEmail).Count;

        var response = await admin.PostFormAsync(InvitePage, Fields("Irene Ungültig", typedEmail, role, municipality));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, problem);
        var page = await response.ReadHtmlAsync();
        page.Errors().ShouldBe([expected]);
        page.ValueOf("Input.DisplayName").ShouldBe("Irene Ungültig");
        page.ValueOf("Input.Email").ShouldBe(typedEmail);
        page.ValueOf("Input.Municipality").ShouldBe(municipality);
        ((IHtmlSelectElement)page.QuerySelector("select[name='Input.Role']")!).Value.ShouldBe(role == Roles.Mentor ? "" : role);
        page.QuerySelectorAll("datalist#municipalities option").Length.ShouldBe(396, "the list is there again");
        (await UserCountAsync()).ShouldBe(usersBefore);
        factory.MailsTo(typedEmail).Count.ShouldBe(mailsBefore);
        if (problem == "duplicate email")
        {
            var kept = await factory.QueryAsync(db => db.Users.SingleAsync(u => u.Email == existing));
            kept.DisplayName.ShouldBe(DemoUsers.All.Single(u => u.Role == Roles.Municipality).DisplayName);
            kept.MunicipalityAgs.ShouldNotBeNull().Value.ShouldBe("05913000");
        }
    }

    [Theory]
    [InlineData(Roles.CompetenceCentre)]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.Mentor)]
    public async Task Other_roles_posting_the_form_get_403_and_invite_nobody(string role)
    {
        var client = await factory.SignedInAsAsync(role);
        var email = Accounts.NewEmail("verboten");

        var fields = Fields("Mallory", email, Roles.Administrator);
        fields["__RequestVerificationToken"] = await client.AntiforgeryTokenAsync();
        var post = await client.PostAsync(InvitePage, new FormUrlEncodedContent(fields));

        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email))).ShouldBeFalse();
        factory.MailsTo(email).ShouldBeEmpty();
    }

    [Fact]
    public async Task Anonymous_posting_the_form_is_sent_to_the_login_and_invites_nobody()
    {
        var client = factory.CreateBrowserLikeClient();

        var email = Accounts.NewEmail("anonym");
        var post = await client.PostAsync(InvitePage, new FormUrlEncodedContent(Fields("Anonym", email, Roles.Administrator)));
        post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Accounts.LocalPath(post.Location()).ShouldStartWith("/Account/Login");
        (await factory.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email))).ShouldBeFalse();
    }
}
