using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using NestPortal.Domain.Households;
using NestPortal.Web.Authorization;
using NestPortal.Web.Tests.Infrastructure;

namespace NestPortal.Web.Tests.Pages.Allocations;

public sealed class CreateTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static DateOnly Today => TestGroups.Today;
    private static string Url(int householdId) => $"/Allocations/Create?householdId={householdId}";

    private async Task<int> MatchedAsync(string name, string flatAgs = "05911000")
    {
        var household = await factory.CreateHouseholdAsync(familyName: "Nasser");
        var group = await factory.CreateApprovedGroupAsync(await factory.DemoMentorIdAsync(), name);
        await factory.MatchAsync(group, household, ags: flatAgs);
        return household;
    }

    private static Dictionary<string, string> Decision(string municipality = "05911000", string fileReference = "36.1-NesT-0815", bool supersede = false)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Municipality"] = municipality,
            ["Input.DecisionDate"] = Today.Iso(),
            ["Input.EffectiveDate"] = Today.AddDays(14).Iso(),
            ["Input.FileReference"] = fileReference,
            ["Input.LegalBasis"] = AllocationDecision.DefaultLegalBasis,
        };
        if (supersede) fields["Input.SupersedeCurrent"] = "true";
        return fields;
    }

    private Task<HttpClient> StaffAsync() => factory.SignedInAsAsync(Roles.CompetenceCentre);

    [Fact]
    public async Task Form_defaults_to_the_flats_municipality_and_the_configured_legal_basis()
    {
        var householdId = await MatchedAsync("Zuweisung Vorgaben", flatAgs: "05913000");
        var client = await StaffAsync();

        var page = await client.GetPageAsync(Url(householdId));

        page.ValueOf("Input.Municipality")!.ShouldEndWith("– 05913000");
        page.ValueOf("Input.Municipality")!.ShouldStartWith("Dortmund");
        page.ValueOf("Input.LegalBasis").ShouldBe(AllocationDecision.DefaultLegalBasis);
        page.ValueOf("Input.DecisionDate").ShouldBe(Today.Iso());
        page.QuerySelector("input[name='Input.SupersedeCurrent']").ShouldBeNull("nothing to supersede yet");
    }

    [Fact]
    public async Task Staff_allocate_a_matched_household_and_see_the_letter()
    {
        var householdId = await MatchedAsync("Zuweisung Erteilt");
        var client = await StaffAsync();

        var response = await client.PostFormAsync(Url(householdId), Decision());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var household = await factory.LoadHouseholdAsync(householdId);
        var allocation = household.Allocations.Single();
        response.Location().ShouldBe($"/Allocations/Print/{allocation.Id}");
        allocation.MunicipalityAgs.Value.ShouldBe("05911000");
        allocation.FileReference.ShouldBe("36.1-NesT-0815");
        allocation.EffectiveDate.ShouldBe(Today.AddDays(14));
        allocation.LegalBasis.ShouldBe(AllocationDecision.DefaultLegalBasis);
        household.Status.ShouldBe(HouseholdStatus.Allocated);
        var letter = await client.GetPageAsync(response.Location());
        letter.MainText().ShouldContain("Die Zuweisungsentscheidung ist gespeichert.");
    }

    [Fact]
    public async Task The_letter_is_stored_with_the_decision_before_anyone_opens_it()
    {
        var householdId = await MatchedAsync("Zuweisung Mit Brief");
        var client = await StaffAsync();

        var response = await client.PostFormAsync(Url(householdId), Decision(fileReference: "36.1-Brief-Gespeichert"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var allocation = (await factory.LoadHouseholdAsync(householdId)).Allocations.Single();
        var letter = await factory.QueryAsync(db => db.Letters.AsNoTracking().SingleAsync(l => l.AllocationId == allocation.Id));
        letter.Kind.ShouldBe(NestPortal.Domain.Letters.LetterKind.AllocationDecision);
        letter.CreatedAtUtc.ShouldBe(allocation.IssuedAtUtc);
        letter.IsIntact.ShouldBeTrue();
        PdfText.Of(letter.Content).ShouldContain("Aktenzeichen: 36.1-Brief-Gespeichert");
        // What the municipality and staff are served later is these bytes.
        var served = await (await client.GetAsync($"/Allocations/Print/{allocation.Id}?handler=Pdf&download=true")).PdfAsync();
        served.ShouldBe(letter.Content);
    }

    [Fact]
    public async Task A_municipality_without_an_administration_address_gets_no_decision_and_the_page_says_what_is_missing()
    {
        const string Herne = "05916000";
        await factory.ExecuteAsync(async db =>
        {
            var herne = await db.Municipalities.SingleAsync(m => m.Ags == NestPortal.Domain.Municipalities.Ags.Parse(Herne));
            herne.RecordAdministrationContact(null, null);
            await db.SaveChangesAsync();
        });
        var householdId = await MatchedAsync("Zuweisung Ohne Anschrift");
        var client = await StaffAsync();

        var response = await client.PostFormAsync(Url(householdId), Decision(municipality: Herne));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.ShouldShowError("Für Herne, Stadt fehlt die Postanschrift der Verwaltung: Straße, Postleitzahl und Ort. Tragen Sie sie unter „Kommunen“ ein; ohne sie wird kein Brief erstellt.");
        page.QuerySelector("#missing-address a")!.GetAttribute("href").ShouldBe($"/Municipalities/Address/{Herne}");
        page.ValueOf("Input.FileReference").ShouldBe("36.1-NesT-0815");
        (await factory.LoadHouseholdAsync(householdId)).Allocations.ShouldBeEmpty();
    }

    [Fact]
    public async Task After_the_programme_end_a_matched_household_is_still_allocated()
    {
        var householdId = await MatchedAsync("Zuweisung Nach Programmende");

        await factory.WhileProgrammeEndedAsync(async () =>
        {
            var client = await StaffAsync();

            var response = await client.PostFormAsync(Url(householdId), Decision(fileReference: "36.1-NesT-Ende"));

            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await factory.LoadHouseholdAsync(householdId)).Allocations.Single().FileReference.ShouldBe("36.1-NesT-Ende");
        });
    }

    [Fact]
    public async Task Allocating_again_without_superseding_is_refused()
    {
        var householdId = await MatchedAsync("Zuweisung Doppelt");
        await factory.AllocateAsync(householdId, fileReference: "36.1-ALT");
        var client = await StaffAsync();
        var form = await client.GetPageAsync(Url(householdId));
        form.QuerySelector("input[name='Input.SupersedeCurrent']").ShouldNotBeNull();
        form.MainText().ShouldContain("Die Familie ist bereits zugewiesen");

        var page = await RefusedAsync(householdId, Decision(municipality: "05913000", fileReference: "36.1-NEU"));

        page.ShouldShowError("Die Familie ist bereits zugewiesen (Aktenzeichen 36.1-ALT). Eine neue Entscheidung muss die bisherige ausdrücklich ersetzen.");
        page.ValueOf("Input.FileReference").ShouldBe("36.1-NEU");
        var household = await factory.LoadHouseholdAsync(householdId);
        household.Allocations.Single().FileReference.ShouldBe("36.1-ALT");
        household.AllocatedMunicipalityAgs!.Value.Value.ShouldBe("05911000");
    }

    [Fact]
    public async Task Superseding_keeps_the_old_decision_in_the_history()
    {
        var householdId = await MatchedAsync("Zuweisung Ersetzt");
        await factory.AllocateAsync(householdId, fileReference: "36.1-ERST");
        var client = await StaffAsync();

        var response = await client.PostFormAsync(Url(householdId), Decision(municipality: "05913000", fileReference: "36.1-ZWEIT", supersede: true));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var household = await factory.LoadHouseholdAsync(householdId);
        household.Allocations.Count.ShouldBe(2);
        household.Allocations.Single(a => a.FileReference == "36.1-ERST").IsCurrent.ShouldBeFalse();
        household.CurrentAllocation!.FileReference.ShouldBe("36.1-ZWEIT");
        household.AllocatedMunicipalityAgs!.Value.Value.ShouldBe("05913000");
    }

    [Theory]
    [InlineData("09162000")]
    [InlineData("Atlantis")]
    public async Task Municipality_outside_NRW_is_refused(string municipality)
    {
        var householdId = await MatchedAsync($"Zuweisung AGS {municipality}");
        var page = await RefusedAsync(householdId, Decision(municipality: municipality));
        page.ShouldShowError("Bitte wählen Sie eine Kommune in Nordrhein-Westfalen aus der Liste.");
        page.ValueOf("Input.Municipality").ShouldBe(municipality);
    }

    [Fact]
    public async Task Household_not_yet_matched_is_refused()
    {
        var householdId = await factory.CreateHouseholdAsync();
        var page = await RefusedAsync(householdId, Decision());
        page.ShouldShowError("Die Familie ist noch keiner Gruppe vermittelt; die Zuweisung folgt auf die Vermittlung.");
    }

    [Fact]
    public async Task Missing_file_reference_is_refused_in_German()
    {
        var householdId = await MatchedAsync("Zuweisung Ohne Aktenzeichen");
        var page = await RefusedAsync(householdId, Decision(fileReference: ""));
        page.ShouldShowError("Aktenzeichen");
        page.Errors().ShouldNotContain(e => e.Contains("must not be empty"));
    }

    [Fact]
    public async Task Decision_on_a_stale_page_is_refused()
    {
        var householdId = await MatchedAsync("Zuweisung Veraltet");
        var client = await StaffAsync();
        var shown = (await client.GetPageAsync(Url(householdId))).ValueOf("Version")!;
        await factory.AllocateAsync(householdId, fileReference: "36.1-KOLLEGIN");

        var response = await client.PostFormAsync(Url(householdId), new Dictionary<string, string>(Decision(supersede: true)) { ["Version"] = shown });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).ShouldShowError("Die Familie wurde inzwischen von jemand anderem geändert.");
        (await factory.LoadHouseholdAsync(householdId)).Allocations.Single().FileReference.ShouldBe("36.1-KOLLEGIN");
    }

    [Fact]
    public async Task Unknown_household_is_404()
    {
        var client = await StaffAsync();
        await client.GetAsync(Url(999_999)).ShouldBeStatusAsync(HttpStatusCode.NotFound);
        await client.PostWithTokenAsync(Url(999_999), Decision()).ShouldBeStatusAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.Municipality)]
    [InlineData(Roles.Administrator)]
    public async Task Other_roles_posting_get_403_and_allocate_nothing(string role)
    {
        var householdId = await MatchedAsync($"Zuweisung Rolle {role}");
        var client = await factory.SignedInAsAsync(role);

        await client.PostWithTokenAsync(Url(householdId), Decision()).ShouldBeStatusAsync(HttpStatusCode.Forbidden);

        (await factory.LoadHouseholdAsync(householdId)).Allocations.ShouldBeEmpty();
    }

    private async Task<IHtmlDocument> RefusedAsync(int householdId, Dictionary<string, string> fields)
    {
        var before = (await factory.LoadHouseholdAsync(householdId)).Allocations.Count;
        var client = await StaffAsync();
        var response = await client.PostFormAsync(Url(householdId), fields);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await factory.LoadHouseholdAsync(householdId)).Allocations.Count.ShouldBe(before);
        return await response.ReadHtmlAsync();
    }
}
