using System.Net;
using Microsoft.EntityFrameworkCore;
using NestPortal.Web.Authorization;

namespace NestPortal.Web.Tests.Infrastructure;

/// <summary>
/// Regressions of the hardening issue: input no form produces (a NUL, a form with 1,500 values, an
/// address the mailer refuses, invisible control and format characters) was answered with a 500 or stored.
/// </summary>
public sealed class MalformedInputTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> Group(string name) => new()
    {
        ["Input.Name"] = name,
        ["Input.HomeMunicipality"] = "Bochum",
        ["Input.SupportPlan"] = "",
    };

    [Theory]
    [InlineData("\0")]
    [InlineData("\u0007")]
    [InlineData("\u001B")]
    public async Task A_control_character_in_a_form_field_is_a_bad_request_with_the_German_error_page(string control)
    {
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var name = $"Nullgruppe {Guid.NewGuid():N}"[..30];

        var response = await client.PostFormAsync("/Groups/Create", Group(name + control + "x"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).MainText().ShouldContain("Die Anfrage enthält ungültige Daten");
        (await factory.QueryAsync(db => db.MentoringGroups.CountAsync(g => g.Name.StartsWith(name)))).ShouldBe(0);
    }

    [Fact]
    public async Task A_NUL_in_the_query_string_is_a_bad_request()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var response = await client.GetAsync("/Households?search=a%00b");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).MainText().ShouldContain("Die Anfrage enthält ungültige Daten");
    }

    [Fact]
    public async Task A_form_with_1500_values_is_a_bad_request_not_a_server_error()
    {
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var token = await client.AntiforgeryTokenAsync();
        var fields = Enumerable.Range(0, 1500).Select(_ => new KeyValuePair<string, string>("Input.Name", "x"))
            .Append(new KeyValuePair<string, string>("__RequestVerificationToken", token));

        var response = await client.PostAsync("/Groups/Create", new FormUrlEncodedContent(fields));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).MainText().ShouldContain("Die Anfrage enthält ungültige Daten");
    }

    [Theory]
    [InlineData("Zero\u200Bwidth")]
    [InlineData("Rechts\u202Enach links")]
    [InlineData("Zwei\r\nZeilen")]
    [InlineData("Tab\tulator")]
    [InlineData("Bindestrich\u00ADweich")]
    public async Task Invisible_control_and_format_characters_in_a_single_line_field_are_refused(string name)
    {
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var unique = $"{name} {Guid.NewGuid():N}"[..28];

        var response = await client.PostFormAsync("/Groups/Create", Group(unique));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("unsichtbare Steuer- oder Formatzeichen");
        page.ValueOf("Input.Name").ShouldBe(unique);
        (await factory.QueryAsync(db => db.MentoringGroups.CountAsync(g => g.Name == unique))).ShouldBe(0);
    }

    [Fact]
    public async Task Line_breaks_stay_allowed_in_a_text_area()
    {
        var client = await factory.SignedInAsAsync(Roles.Mentor);
        var name = $"Zeilen im Plan {Guid.NewGuid():N}"[..30];

        var response = await client.PostFormAsync("/Groups/Create", new Dictionary<string, string>(Group(name)) { ["Input.SupportPlan"] = "Erstens\r\nZweitens" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.QueryAsync(db => db.MentoringGroups.Where(g => g.Name == name).Select(g => g.SupportPlan).SingleAsync())).ShouldBe("Erstens\r\nZweitens");
    }

    [Theory]
    [InlineData("x@y..z")]
    [InlineData("a b@example.org")]
    [InlineData("name@-example.org")]
    public async Task An_address_the_mailer_cannot_send_to_is_refused_at_registration_and_leaves_no_account(string email)
    {
        var client = factory.CreateBrowserLikeClient();

        var response = await client.PostFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Erika Adresse",
            ["Input.Email"] = email,
            ["Input.Password"] = "Lange-Sichere-Passphrase-2026",
            ["Input.ConfirmPassword"] = "Lange-Sichere-Passphrase-2026",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("E-Mail-Adresse");
        (await factory.QueryAsync(db => db.Users.CountAsync(u => u.Email == email))).ShouldBe(0);
    }
}
