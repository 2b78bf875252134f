using System.Net;
using Microsoft.EntityFrameworkCore;
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

        var options = page.QuerySelectorAll("select[name='Input.FirstRefugeCountryCode'] optgroup[label='Alle Länder'] option").Select(o => o.TextContent).ToList();
        options.Count.ShouldBe(249);
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
    public async Task Every_country_list_starts_with_the_countries_recorded_most_often()
    {
        var id = await factory.CreateHouseholdAsync(persons: 0);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        // The demo families' nationalities and countries of first refuge, counted as the page counts them (most persons first).
        var topNationality = await factory.QueryAsync(db => db.Refugees.GroupBy(r => r.NationalityCode)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstAsync());

        var page = await client.GetPageAsync(AddUrl(id));

        var nationality = page.QuerySelector("select[name='Input.NationalityCode']")!;
        var groups = nationality.QuerySelectorAll("optgroup").Select(g => g.GetAttribute("label")).ToList();
        groups.ShouldBe(["Häufig", "Staatenlos oder ungeklärt", "Alle Länder"]);
        var common = nationality.QuerySelectorAll("optgroup[label='Häufig'] option").Select(o => o.GetAttribute("value")).ToList();
        common.Count.ShouldBe(10);
        common[0].ShouldBe(topNationality);
        common.ShouldContain("ER");
        var refuge = page.QuerySelectorAll("select[name='Input.FirstRefugeCountryCode'] optgroup[label='Häufig'] option").Select(o => o.TextContent).ToList();
        refuge.ShouldContain("Libanon");
        refuge.ShouldNotContain("staatenlos");
    }

    [Fact]
    public async Task The_first_person_form_starts_empty_as_the_household_records_none_of_the_family_details()
    {
        var id = await factory.CreateHouseholdAsync(persons: 0);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync(AddUrl(id));

        page.ValueOf("Input.FamilyName").ShouldBe(string.Empty);
        Selected(page, "Input.NationalityCode").ShouldBe(string.Empty);
        page.ValueOf("Input.AdmissionDecisionReference").ShouldBe(string.Empty);
        page.QuerySelector(".kern-alert--info").ShouldBeNull();
        page.MainText().ShouldNotContain("Bereits eingetragen");
    }

    [Fact]
    public async Task The_next_person_form_starts_from_the_family_details_of_the_person_recorded_last_and_stays_editable()
    {
        var id = await factory.CreateHouseholdAsync(persons: 0);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var admitted = Today.AddDays(-75);
        var first = Person("Hawa", "Tesfay", admitted: admitted, nationality: "ER", firstRefuge: "ET");
        first["Input.AdmissionDecisionReference"] = "BAMF-ER-2026-17";
        (await client.PostFormAsync(AddUrl(id), first)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await client.GetPageAsync(AddUrl(id));

        page.ValueOf("Input.FamilyName").ShouldBe("Tesfay");
        Selected(page, "Input.NationalityCode").ShouldBe("ER");
        Selected(page, "Input.FirstRefugeCountryCode").ShouldBe("ET");
        page.ValueOf("Input.AdmissionDecisionDate").ShouldBe(admitted.Iso());
        page.ValueOf("Input.AdmissionDecisionReference").ShouldBe("BAMF-ER-2026-17");
        page.ValueOf("Input.GivenName").ShouldBe(string.Empty, "a person's own details are never copied");
        page.ValueOf("Input.DateOfBirth").ShouldBe(string.Empty);
        page.ValueOf("Input.VisaDate").ShouldBe(string.Empty);
        page.QuerySelector(".kern-alert--info")!.TextContent.ShouldContain("von Hawa Tesfay übernommen");
        page.MainText().ShouldContain("Bereits eingetragen: Hawa Tesfay");

        // The clerk changes what differs for this person; the rest is posted as it was filled in.
        var second = Person("Selam", "Tesfay-Haile", admitted: admitted, nationality: "ER", firstRefuge: "SD");
        second["Input.AdmissionDecisionReference"] = "BAMF-ER-2026-17";
        (await client.PostFormAsync(AddUrl(id), second)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = (await factory.LoadHouseholdAsync(id)).Persons.Single(p => p.GivenName == "Selam");
        saved.FamilyName.ShouldBe("Tesfay-Haile");
        saved.FirstRefugeCountryCode.ShouldBe("SD");
        var third = await client.GetPageAsync(AddUrl(id));
        third.ValueOf("Input.FamilyName").ShouldBe("Tesfay-Haile", "the person recorded last is the model");
        Selected(third, "Input.FirstRefugeCountryCode").ShouldBe("SD");
    }

    [Fact]
    public async Task Save_and_record_another_person_comes_back_to_a_form_filled_from_the_person_just_saved()
    {
        var id = await factory.CreateHouseholdAsync(persons: 0);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var fields = Person("Amina", "Haddad");
        fields["next"] = "true";

        var response = await client.PostFormAsync(AddUrl(id), fields);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe(AddUrl(id));
        (await factory.LoadHouseholdAsync(id)).Persons.ShouldHaveSingleItem().DisplayName.ShouldBe("Amina Haddad");
        var next = await client.GetPageAsync(response.Location());
        next.MainText().ShouldContain("Amina Haddad ist eingetragen.");
        next.ValueOf("Input.FamilyName").ShouldBe("Haddad");
        next.ValueOf("Input.GivenName").ShouldBe(string.Empty);
        Selected(next, "Input.NationalityCode").ShouldBe("SY");
        next.QuerySelector("button[name='next']")!.TextContent.ShouldBe("Eintragen und weitere Person erfassen");
    }

    [Fact]
    public async Task A_refused_save_and_next_keeps_the_form_and_saves_nothing()
    {
        var id = await factory.CreateHouseholdAsync(persons: 0);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);
        var fields = Person("Ohne", "Geburtsdatum");
        fields["Input.DateOfBirth"] = string.Empty;
        fields["next"] = "true";

        var response = await client.PostFormAsync(AddUrl(id), fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError(e => e.Contains("Geburtsdatum"), "naming the date of birth");
        page.ValueOf("Input.GivenName").ShouldBe("Ohne");
        (await factory.LoadHouseholdAsync(id)).Persons.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.Mentor)]
    public async Task Only_the_competence_centre_adds_persons(string role)
    {
        var id = await factory.CreateHouseholdAsync(persons: 0);
        var client = await factory.SignedInAsAsync(role);
        var fields = Person("Nicht", "Erlaubt");
        fields["next"] = "true";
        fields["Version"] = Guid.NewGuid().ToString();

        await client.GetAsync(AddUrl(id)).ShouldBeStatusAsync(HttpStatusCode.Forbidden);
        await client.PostWithTokenAsync(AddUrl(id), fields).ShouldBeStatusAsync(HttpStatusCode.Forbidden);
        (await factory.LoadHouseholdAsync(id)).Persons.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_household_that_does_not_exist_is_not_found()
    {
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        await client.GetAsync(AddUrl(999_999)).ShouldBeStatusAsync(HttpStatusCode.NotFound);
    }
}
