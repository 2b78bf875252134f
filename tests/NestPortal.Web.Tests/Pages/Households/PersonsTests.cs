using System.Net;
using AngleSharp.Html.Dom;
using NestPortal.Domain.Households;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Pages.Households.HouseholdForms;

namespace NestPortal.Web.Tests.Pages.Households;

public sealed class PersonsTests(PortalFactory factory) : IClassFixture<PortalFactory>
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
        text.ShouldContain("Staatsangehörigkeit: staatenlos");
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

    [Fact]
    public async Task Staff_correct_a_person_and_the_history_shows_the_change()
    {
        var id = await factory.CreateHouseholdAsync(persons: 1, familyName: "Saleh");
        var person = (await factory.LoadHouseholdAsync(id)).Persons.Single();
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var url = $"/Households/Persons/Edit/{id}/{person.Id}";

        var form = await client.GetPageAsync(url);
        form.ValueOf("Input.FamilyName").ShouldBe("Saleh");
        Selected(form, "Input.FirstRefugeCountryCode").ShouldBe("LB");
        var fields = Person("Person1", "Salih", born: person.DateOfBirth, admitted: person.AdmissionDecisionDate, firstRefuge: "TR");
        var response = await client.PostFormAsync(url, fields);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = (await factory.LoadHouseholdAsync(id)).Persons.Single();
        saved.FamilyName.ShouldBe("Salih");
        saved.FirstRefugeCountryCode.ShouldBe("TR");
        var details = await client.GetPageAsync(response.Location());
        details.MainText().ShouldContain("Familienname: Saleh → Salih");
        details.MainText().ShouldContain("Erstaufnahmeland: Libanon → Türkei");
    }

    [Fact]
    public async Task A_person_of_another_household_is_not_found()
    {
        var mine = await factory.CreateHouseholdAsync(persons: 1);
        var other = await factory.CreateHouseholdAsync(persons: 1, familyName: "Fremd");
        var stranger = (await factory.LoadHouseholdAsync(other)).Persons.Single();
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        foreach (var page in new[] { "Edit", "Remove", "Leave" })
        {
            var body = await client.GetAsync($"/Households/Persons/{page}/{mine}/{stranger.Id}").ShouldBeStatusAsync(HttpStatusCode.NotFound);
            body.ShouldNotReveal("Fremd");
        }

        await client.PostWithTokenAsync($"/Households/Persons/Remove/{mine}/{stranger.Id}", new Dictionary<string, string> { ["Version"] = Guid.NewGuid().ToString() })
            .ShouldBeStatusAsync(HttpStatusCode.NotFound);
        (await factory.LoadHouseholdAsync(other)).Persons.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_person_recorded_by_mistake_is_removed_after_confirmation()
    {
        var id = await factory.CreateHouseholdAsync(persons: 1);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        (await client.PostFormAsync(AddUrl(id), Person("Doppelt", "Irrtum"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var person = (await factory.LoadHouseholdAsync(id)).Persons.Single(p => p.FamilyName == "Irrtum");
        var url = $"/Households/Persons/Remove/{id}/{person.Id}";

        var confirm = await client.GetPageAsync(url);
        confirm.MainText().ShouldContain($"Möchten Sie {person.DisplayName}");
        var response = await client.PostFormAsync(url, new Dictionary<string, string>());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.LoadHouseholdAsync(id)).Persons.Select(p => p.Id).ShouldNotContain(person.Id);
        var details = await client.GetPageAsync(response.Location());
        details.MainText().ShouldContain($"{person.DisplayName} ist gelöscht.");
        // The person is gone from the household, but not from its history.
        details.MainText().ShouldContain($"Person Nr. {person.Id}: Gelöscht");
        details.MainText().ShouldContain($"Person Nr. {person.Id}: Angelegt");
    }

    [Fact]
    public async Task A_person_who_has_arrived_cannot_be_removed()
    {
        var id = await factory.CreateHouseholdAsync(persons: 1, arrivedOn: Today.AddDays(-10));
        var person = (await factory.LoadHouseholdAsync(id)).Persons.Single();
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var url = $"/Households/Persons/Remove/{id}/{person.Id}";

        var confirm = await client.GetPageAsync(url);
        confirm.MainText().ShouldContain("ist bereits eingereist und kann nicht gelöscht werden");
        confirm.QuerySelector("main button[type=submit]").ShouldBeNull();
        var response = await client.PostWithTokenAsync(url, new Dictionary<string, string> { ["Version"] = (await factory.LoadHouseholdAsync(id)).ConcurrencyStamp.ToString() });

        var page = await response.ReadHtmlAsync();
        page.ShouldShowError($"{person.DisplayName} ist bereits eingereist und kann nicht gelöscht werden");
        (await factory.LoadHouseholdAsync(id)).Persons.Count.ShouldBe(1);
    }
}
