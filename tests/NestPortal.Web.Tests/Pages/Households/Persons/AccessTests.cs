using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NestPortal.Data.Auditing;
using NestPortal.Domain.Documents;
using NestPortal.Domain.Households;
using NestPortal.Domain.Municipalities;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Documents;
using NestPortal.Web.Tests.Infrastructure;
using static NestPortal.Web.Tests.Pages.MyMunicipality.MunicipalityHouseholds;

namespace NestPortal.Web.Tests.Pages.Households.Persons;

public sealed class AccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string OtherGivenName = "Yasminah";
    private const string OtherFamilyName = "Verborgenfeld";
    private const string OtherReference = "BAMF-ANDERE-PERSON";

    private static DateOnly Today => TestGroups.Today;
    private static string Url(int id, int personId) => $"/Households/Persons/Access/{id}/{personId}";
    private static string Json(int id, int personId) => $"{Url(id, personId)}?handler=Json";

    /// <summary>
    /// A household matched with a group and allocated to Dortmund: the person asking (the eldest) and a
    /// younger person whose name must never appear in the export.
    /// </summary>
    private async Task<(int Household, Refugee Person)> HouseholdWithTwoPersonsAsync(string familyName)
    {
        var id = await factory.AllocatedHouseholdAsync(Dortmund, familyName, persons: 1);
        await factory.ExecuteAsync(async db =>
        {
            var household = await db.Households.Include(h => h.Persons).Include(h => h.Allocations).SingleAsync(h => h.Id == id);
            var admitted = Today.AddMonths(-6);
            household.AddPerson(new RefugeeDetails(OtherGivenName, OtherFamilyName, Today.AddYears(-9), Sex.Female, "AF", "IR",
                admitted, OtherReference, admitted.AddDays(30), null), Today);
            await db.SaveChangesAsync();
        });
        var person = (await factory.LoadHouseholdAsync(id)).Persons.Single(p => p.FamilyName == familyName);
        return (id, person);
    }

    private Task<string> DortmundNameAsync() =>
        factory.QueryAsync(db => db.Municipalities.Where(m => m.Ags == Ags.Parse(Dortmund)).Select(m => m.Name).SingleAsync());

    private Task<List<AuditEntry>> ViewsAsync(int personId) =>
        factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Refugee) && a.EntityId == personId.ToString() && a.Action == AuditAction.Viewed)
            .OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task The_export_shows_the_person_where_the_data_went_and_who_viewed_it_but_not_the_other_person()
    {
        var (id, person) = await HouseholdWithTwoPersonsAsync("Auskunftsreich");
        var household = await factory.LoadHouseholdAsync(id);
        var groupName = await factory.GroupNameOfAsync(id);
        // The municipality opens the household first: that view must be in the export, with who and which role.
        await (await factory.SignedInAsAsync(Roles.Municipality)).GetPageAsync($"/MyMunicipality/Households/{id}");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var details = await client.GetPageAsync($"/Households/Details/{id}");
        var link = details.QuerySelector($"a[href='{Url(id, person.Id)}']");
        link.ShouldNotBeNull();
        link.TextContent.ShouldContain("Auskunft (Art. 15)");

        var response = await client.GetAsync(Url(id, person.Id));
        var body = await response.Content.ReadAsStringAsync();
        var page = await response.ReadHtmlAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("h1")!.TextContent.ShouldBe($"Auskunft (Art. 15 DSGVO): {person.DisplayName}");
        var personFacts = page.QuerySelector("[data-section='person']")!.TextContent;
        personFacts.ShouldContain(person.GivenName);
        personFacts.ShouldContain(person.DateOfBirth.German());
        personFacts.ShouldContain("Syrien");
        personFacts.ShouldContain(person.AdmissionDecisionReference);
        var householdFacts = page.QuerySelector("[data-section='household']")!.TextContent;
        householdFacts.ShouldContain(household.Reference);
        householdFacts.ShouldContain(SpecialNeeds);
        page.QuerySelector("[data-fact='other-persons']")!.TextContent.Trim().ShouldBe("1");
        var allocation = household.CurrentAllocation!;
        page.QuerySelector("[data-table='allocations']")!.TextContent.ShouldContain(allocation.FileReference);
        page.QuerySelector("[data-list='groups']")!.TextContent.ShouldContain(groupName);
        page.QuerySelector("[data-list='municipalities']")!.TextContent.ShouldContain($"{await DortmundNameAsync()} ({Dortmund}): seit {Today.German()}");
        var views = page.TableRows().Where(r => r.Length == 3).ToList();
        views.ShouldContain(r => r[1] == "Katrin Kommune (Dortmund)" && r[2] == "Kommune");
        views.ShouldContain(r => r[1] == "Karl Kompetenz (KfI)" && r[2] == "Kompetenzzentrum für Integration", "the export itself is a view");
        page.QuerySelector("[data-table='changes']")!.TextContent.ShouldContain("Angelegt");

        body.ShouldNotReveal(OtherGivenName);
        body.ShouldNotReveal(OtherFamilyName);
        body.ShouldNotReveal(OtherReference);
    }

    [Fact]
    public async Task The_json_download_is_an_indented_utf8_attachment_with_the_expected_fields()
    {
        var (id, person) = await HouseholdWithTwoPersonsAsync("Jsonhausen");
        var household = await factory.LoadHouseholdAsync(id);
        var groupName = await factory.GroupNameOfAsync(id);
        await (await factory.SignedInAsAsync(Roles.Municipality)).GetPageAsync($"/MyMunicipality/Households/{id}");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var response = await client.GetAsync(Json(id, person.Id));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        response.Content.Headers.ContentType.CharSet.ShouldBe("utf-8");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldBe($"auskunft-person-{person.Id}-{Today.Iso()}.json");
        body.ShouldContain("\n  \"person\": {");
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var p = root.GetProperty("person");
        p.GetProperty("id").GetInt32().ShouldBe(person.Id);
        p.GetProperty("givenName").GetString().ShouldBe(person.GivenName);
        p.GetProperty("familyName").GetString().ShouldBe(person.FamilyName);
        p.GetProperty("dateOfBirth").GetString().ShouldBe(person.DateOfBirth.Iso());
        p.GetProperty("nationalityCode").GetString().ShouldBe("SY");
        p.GetProperty("nationality").GetString().ShouldBe("Syrien");
        p.GetProperty("admissionDecisionReference").GetString().ShouldBe(person.AdmissionDecisionReference);
        var h = root.GetProperty("household");
        h.GetProperty("reference").GetString().ShouldBe(household.Reference);
        h.GetProperty("specialNeedsNote").GetString().ShouldBe(SpecialNeeds);
        h.GetProperty("otherPersons").GetInt32().ShouldBe(1);
        var allocation = root.GetProperty("allocations").EnumerateArray().ShouldHaveSingleItem();
        allocation.GetProperty("municipalityAgs").GetString().ShouldBe(Dortmund);
        allocation.GetProperty("fileReference").GetString().ShouldBe(household.CurrentAllocation!.FileReference);
        allocation.GetProperty("decisionDate").GetString().ShouldBe(Today.Iso());
        root.GetProperty("disclosedToGroups").EnumerateArray().ShouldHaveSingleItem().GetProperty("groupName").GetString().ShouldBe(groupName);
        root.GetProperty("disclosedToMunicipalities").EnumerateArray().ShouldHaveSingleItem()
            .GetProperty("municipality").GetString().ShouldBe(await DortmundNameAsync());
        var views = root.GetProperty("views").EnumerateArray().ToList();
        views.ShouldContain(v => v.GetProperty("userName").GetString() == "Katrin Kommune (Dortmund)" && v.GetProperty("role").GetString() == "Kommune");
        // German local time with its offset: the log's UTC shown as people in Germany read it.
        views[0].GetProperty("at").GetString()!.ShouldMatch(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+0[12]:00$");
        var created = root.GetProperty("changes").EnumerateArray().First();
        created.GetProperty("action").GetString().ShouldBe("Angelegt");
        created.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).ShouldContain("Vorname");

        body.ShouldNotContain(OtherGivenName);
        body.ShouldNotContain(OtherFamilyName);
        body.ShouldNotContain(OtherReference);
    }

    [Fact]
    public async Task The_export_names_the_documents_of_the_household_and_its_sponsorship_but_not_another_households()
    {
        var (id, person) = await HouseholdWithTwoPersonsAsync("Dokumentenreich");
        var sponsorship = await factory.QueryAsync(db => db.Sponsorships.Where(s => s.HouseholdId == id).Select(s => s.Id).SingleAsync());
        var stranger = await factory.CreateHouseholdAsync();
        await factory.AddDocumentAsync(DocumentOwnerKind.Household, id, "kfi", "Erklärung Dokumentenreich.pdf");
        await factory.AddDocumentAsync(DocumentOwnerKind.Sponsorship, sponsorship, "kfi", "Mietvertrag Dokumentenreich.pdf", DocumentCategory.Lease);
        await factory.AddDocumentAsync(DocumentOwnerKind.Household, stranger, "kfi", "Erklärung Fremdfamilie.pdf");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        var page = await client.GetPageAsync(Url(id, person.Id));
        var json = await client.GetAsync(Json(id, person.Id)).ShouldBeStatusAsync(HttpStatusCode.OK);

        var rows = page.QuerySelectorAll("[data-table='documents'] tbody tr").Select(r => r.TextContent).ToList();
        rows.Count.ShouldBe(2);
        rows.ShouldContain(r => r.Contains("Erklärung Dokumentenreich.pdf") && r.Contains("Erklärung") && r.Contains("Hochgeladen im Test"));
        rows.ShouldContain(r => r.Contains("Mietvertrag Dokumentenreich.pdf") && r.Contains("Mietvertrag") && r.Contains(Today.German()));
        using var parsed = JsonDocument.Parse(json);
        var documents = parsed.RootElement.GetProperty("documents").EnumerateArray().ToList();
        documents.Select(d => d.GetProperty("fileName").GetString()).ShouldBe(["Erklärung Dokumentenreich.pdf", "Mietvertrag Dokumentenreich.pdf"], ignoreOrder: true);
        documents.ShouldContain(d => d.GetProperty("category").GetString() == "Mietvertrag" && d.GetProperty("uploadedBy").GetString() == "Hochgeladen im Test");
        json.ShouldNotContain("Fremdfamilie");
        page.QuerySelector("main")!.TextContent.ShouldNotContain("Fremdfamilie");
    }

    [Fact]
    public async Task Producing_the_export_is_logged_as_a_view_of_that_person_only()
    {
        var (id, person) = await HouseholdWithTwoPersonsAsync("Protokollhaus");
        var other = (await factory.LoadHouseholdAsync(id)).Persons.Single(p => p.Id != person.Id);
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        await client.GetPageAsync(Url(id, person.Id));
        (await client.GetAsync(Json(id, person.Id))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var views = await ViewsAsync(person.Id);
        views.Count.ShouldBe(2);
        views.ShouldAllBe(v => v.UserName == "Karl Kompetenz (KfI)" && v.Role == Roles.CompetenceCentre && v.RequestId != null);
        (await ViewsAsync(other.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Unknown_ids_and_a_person_of_another_household_are_not_found_and_not_logged()
    {
        var (id, person) = await HouseholdWithTwoPersonsAsync("Unbekannt");
        var (otherId, stranger) = await HouseholdWithTwoPersonsAsync("Fremdhaus");
        var client = await factory.SignedInAsAsync(Roles.CompetenceCentre);

        foreach (var url in new[] { Url(id, 999_999), Url(999_999, person.Id), Url(id, stranger.Id), Json(id, stranger.Id), Json(999_999, 1) })
        {
            var body = await client.GetAsync(url).ShouldBeStatusAsync(HttpStatusCode.NotFound);
            body.ShouldNotReveal("Fremdhaus");
        }

        (await ViewsAsync(stranger.Id)).ShouldBeEmpty();
        otherId.ShouldNotBe(id);
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.Administrator)]
    public async Task Other_roles_are_refused_and_learn_nothing(string role)
    {
        var (id, person) = await HouseholdWithTwoPersonsAsync("Verweigert");
        var client = await factory.SignedInAsAsync(role);

        foreach (var url in new[] { Url(id, person.Id), Json(id, person.Id) })
        {
            var body = await client.GetAsync(url).ShouldBeStatusAsync(HttpStatusCode.Forbidden);
            body.ShouldNotReveal(person.GivenName + " Verweigert");
            body.ShouldNotReveal(person.AdmissionDecisionReference);
        }

        (await ViewsAsync(person.Id)).ShouldBeEmpty();
    }
}
