using System.Net;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Escrow;

/// <summary>Staff record the landlord as payee (name, checked IBAN, reference) and the trustee.</summary>
public sealed class PayeeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Url(int id) => $"/Escrow/Payee/{id}";

    private static Dictionary<string, string> Payee(string iban) => new()
    {
        ["Input.Name"] = "Wohnbau Dortmund eG", ["Input.Iban"] = iban, ["Input.Reference"] = "Mieter 4711", ["Input.Trustee"] = "Caritas Dortmund",
    };

    [Fact]
    public async Task Staff_record_the_landlord_and_the_trustee()
    {
        var id = await factory.SponsorshipAsync("Zahlungsempfänger Glücklich");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var response = await client.PostFormAsync(Url(id), Payee("DE02 1203 0000 0000 2020 51"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await factory.LoadSponsorshipAsync(id);
        saved.Landlord!.Iban.Value.ShouldBe("DE02120300000000202051");
        saved.TrusteeName.ShouldBe("Caritas Dortmund");
        (await client.GetPageAsync(Url(id))).ValueOf("Input.Iban").ShouldBe("DE02 1203 0000 0000 2020 51");
    }

    [Fact]
    public async Task A_wrong_check_digit_is_refused_in_german_with_the_form_kept_and_nothing_saved()
    {
        var id = await factory.SponsorshipAsync("Zahlungsempfänger Tippfehler");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var response = await client.PostFormAsync(Url(id), Payee("DE02120300000000202052"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("Die IBAN „DE02120300000000202052“ ist ungültig; bitte prüfen Sie sie (Prüfziffer).");
        page.ValueOf("Input.Name").ShouldBe("Wohnbau Dortmund eG");
        (await factory.LoadSponsorshipAsync(id)).Landlord.ShouldBeNull();
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.Municipality)]
    public async Task Mentors_and_municipalities_are_refused(string role)
    {
        var id = await factory.SponsorshipAsync($"Zahlungsempfänger Verboten {role}");
        var client = await factory.SignedInAsAsync(role);

        (await client.GetAsync(Url(id))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
