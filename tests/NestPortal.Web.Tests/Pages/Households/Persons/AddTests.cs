using System.Net;
using AngleSharp.Html.Dom;
using NestPortal.Domain.Households;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Pages.Households.HouseholdForms;

namespace NestPortal.Web.Tests.Pages.Households.Persons;

public sealed class AddTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string AddUrl(int id) => $"/Households/Persons/Add/{id}";

    private static string? Selected(IHtmlDocument page, string name) =>
        (page.QuerySelector($"select[name='{name}']") as IHtmlSelectElement)?.Value;

    [Fact]
    public async Task Staff_add_a_person_with_every_field_and_see_it_on_the_household_page()
    {
        var id = await factory.CreateHouseholdAsync(persons: 0);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var arrived = Today.AddDays(-3);

        var response = await client.PostFormAsync(AddUrl(id), Person("Amal", "Khalil", arrived: arrived, nationality: "XX", firstRefuge: "JO"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var person = (await factory.LoadHouseholdAsync(id)).Persons.ShouldHaveSingleItem();
        person.DisplayName.ShouldBe("Amal Khalil");
        person.Sex.ShouldBe(Sex.Female);
        person.NationalityCode.ShouldBe("XX");
        person.FirstRefugeCountryCode.ShouldBe("JO");
        person.AdmissionDecisionReference.ShouldBe("BAMF-4711");
        person.ArrivedOn.ShouldBe(arrived);
        var page = await client.GetPageAsync(response.Location());
        var text = page.MainText();
        text.ShouldContain("Amal Khalil ist eingetragen.");
        text.ShouldContain("staatenlos");
        text.ShouldContain("Jordanien");
        text.ShouldContain(arrived.German());
        text.ShouldContain("Amal Khalil: Angelegt");
        text.ShouldContain("Staatsangehörigkeit: (vertraulich)", customMessage: "the history names the field, the log holds no person's values (ADR 0014)");
        page.QuerySelector(".status-badge")!.TextContent.ShouldBe("Eingereist");
    }

    [Fact]
    public async Task The_country_lists_offer_German_names_sorted_the_German_way()
    {
        var id = await factory.CreateHouseholdAsync(persons: 0);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync(AddUrl(id));

        var options = page.QuerySelectorAll("select[name='Input.FirstRefugeCountryCode'] option").Select(o => o.TextContent).ToList();
        options.Count.ShouldBe(250); // the placeholder and 249 countries
        options.ShouldContain("Syrien");
        options.IndexOf("Ägypten").ShouldBeGreaterThan(options.IndexOf("Afghanistan"));
        options.IndexOf("Ägypten").ShouldBeLessThan(options.IndexOf("Albanien"));
        options.ShouldNotContain("staatenlos");
        page.QuerySelectorAll("select[name='Input.NationalityCode'] option").Select(o => o.TextContent).ShouldContain("staatenlos");
    }

    [Fact]
    public async Task A_date_of_birth_in_the_future_is_refused_the_form_kept_and_nothing_saved()
    {
        var id = await factory.CreateHouseholdAsync(persons: 0);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var born = Today.AddDays(5);

        var page = await (await client.PostFormAsync(AddUrl(id), Person("Zukunft", "Kind", born: born))).ReadHtmlAsync();

        page.ShouldShowError($"Das Geburtsdatum ({born.German()}) liegt in der Zukunft.");
        page.ValueOf("Input.GivenName").ShouldBe("Zukunft");
        page.ValueOf("Input.DateOfBirth").ShouldBe(born.Iso());
        Selected(page, "Input.NationalityCode").ShouldBe("SY");
        (await factory.LoadHouseholdAsync(id)).Persons.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_arrival_before_the_admission_decision_is_refused_and_nothing_saved()
    {
        var id = await factory.CreateHouseholdAsync(persons: 0);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var admitted = Today.AddDays(-30);
        var arrived = Today.AddDays(-60);

        var fields = Person("Frueh", "Angekommen", admitted: admitted, arrived: arrived);
        fields["Input.VisaDate"] = string.Empty;
        var page = await (await client.PostFormAsync(AddUrl(id), fields)).ReadHtmlAsync();

        page.ShouldShowError($"Die Einreise ({arrived.German()}) liegt vor der Aufnahmezusage ({admitted.German()}).");
        page.ValueOf("Input.ArrivedOn").ShouldBe(arrived.Iso());
        (await factory.LoadHouseholdAsync(id)).Persons.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_country_code_not_in_the_list_and_missing_fields_are_refused()
    {
        var id = await factory.CreateHouseholdAsync(persons: 0);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var fields = Person(nationality: "QQ", firstRefuge: "XX");
        fields["Input.FamilyName"] = string.Empty;
        fields["Input.Sex"] = string.Empty;
        var page = await (await client.PostFormAsync(AddUrl(id), fields)).ReadHtmlAsync();

        page.ShouldShowError("Bitte wählen Sie eine Staatsangehörigkeit aus der Liste.");
        page.ShouldShowError("Bitte wählen Sie das Erstaufnahmeland aus der Liste.");
        page.ShouldShowError(e => e.Contains("Familienname"), "naming the family name");
        page.ShouldShowError(e => e.Contains("Geschlecht"), "naming the sex");
        (await factory.LoadHouseholdAsync(id)).Persons.ShouldBeEmpty();
    }
}
